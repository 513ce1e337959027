; Calling a closure with the wrong number of arguments through a higher-order procedure.
(define add1 (lambda (x) (+ x 1)))
(define (twice f x) (f (f x) 0))
(display (add1 1))
(newline)
(display (twice add1 5))
