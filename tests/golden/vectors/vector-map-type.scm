; vector-map wants a procedure and vectors
(vector-map (lambda (x) x) '(1 2 3))
