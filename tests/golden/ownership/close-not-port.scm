; close consumes an owned port: anything else is a run-time error.
(let ((v (owned (vector 1 2))))
  (display (vector-length v))
  (newline)
  (close v))
