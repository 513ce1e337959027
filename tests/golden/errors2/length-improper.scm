; length of a dotted list is an error: it needs a proper list.
(define items (cons 1 (cons 2 3)))
(write items)
(newline)
(write (length items))
