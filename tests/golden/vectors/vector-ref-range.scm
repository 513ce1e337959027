; an index past the end
(define v (vector 'a 'b 'c))
(write (vector-ref v 2))
(newline)
(vector-ref v 3)
