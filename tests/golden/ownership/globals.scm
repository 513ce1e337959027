; An owned global: the top-level forms consume it; procedures may only
; borrow it, and one called after it was consumed gets the run-time error.
(define counter (owned (vector 0)))
(define (bump!) (vector-set! counter 0 (+ 1 (vector-ref counter 0))))
(bump!)
(bump!)
(display (vector-ref counter 0))
(newline)
(consume counter)
(guard (e ((error-object? e) (display (error-object-message e)) (newline)))
  (bump!))
