; vector-set! with a negative index is an index error too.
(define v (make-vector 3 0))
(vector-set! v 0 'ok)
(display v)
(newline)
(let loop ((i 2))
  (vector-set! v i i)
  (loop (- i 1)))
