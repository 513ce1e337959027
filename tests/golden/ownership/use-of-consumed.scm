; The run-time check: an owned value kept in a data structure and consumed
; through it twice.
(define shelf (vector #f))
(let ((f (owned "resource")))
  (vector-set! shelf 0 (move f)))
(consume (vector-ref shelf 0))
(display "consumed once")
(newline)
(consume (vector-ref shelf 0))
(display "not reached")
(newline)
