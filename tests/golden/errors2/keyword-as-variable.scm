; A syntactic keyword cannot be used as a value; () is not an expression.
(display if)
(define my-map (map lambda '(1 2)))
(define nothing ())
