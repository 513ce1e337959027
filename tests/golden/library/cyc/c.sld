(define-library (cyc c)
  (export c)
  (import (scheme base) (cyc a))
  (begin (define (c) 1)))
