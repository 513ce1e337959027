; Internal definitions are known procedures: their argument counts are checked at compile time.
(define (outer n)
  (define (helper a b) (+ a b))
  (helper n))
(display (outer 1))
