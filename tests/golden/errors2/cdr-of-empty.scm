; Walking past the end of a list: cdr of the empty list.
(define (second-tail lst) (cdr (cdr lst)))
(write (second-tail '(a b c)))
(newline)
(write (second-tail '(a)))
