(define-library (cyc b)
  (export b)
  (import (scheme base) (cyc c))
  (begin (define (b) 1)))
