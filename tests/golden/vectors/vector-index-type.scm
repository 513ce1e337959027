; an index must be an exact integer
(vector-ref (vector 1 2 3) "1")
