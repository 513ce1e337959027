; vector-copy! into too small a room: the target index is out of range
(define to (make-vector 3 0))
(vector-copy! to 1 #(1 2 3))
