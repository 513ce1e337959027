; negative indexes are out of range
(vector-set! (make-vector 3 0) -1 'x)
