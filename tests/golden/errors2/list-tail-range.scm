; list-tail past the end of the list is an index error.
(define l '(a b c))
(write (list-tail l 3))
(newline)
(write (list-tail l 4))
