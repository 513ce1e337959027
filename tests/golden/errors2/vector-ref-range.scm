; vector-ref past the end of a vector is an index error naming the index.
(define v (vector 'a 'b 'c))
(define (get i) (vector-ref v i))
(display (get 2))
(newline)
(display (get 5))
