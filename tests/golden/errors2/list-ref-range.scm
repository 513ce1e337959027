; list-ref at the length of the list is an index error.
(define (nth lst n) (list-ref lst n))
(write (nth '(10 20 30) 2))
(newline)
(write (nth '(10 20 30) 3))
