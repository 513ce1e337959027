; A guard with no matching clause re-raises; uncaught, the error is reported where it was first raised.
(define (risky x)
  (if (> x 10) (error "too large:" x) x))
(define (safe x)
  (guard (e ((string? e) 'string-raised))
    (risky x)))
(display (safe 5))
(newline)
(display (safe 50))
