(define-library (rt checked)
  (export first-of)
  (import (scheme base))
  (begin
    (define (first-of x)
      (car x))))
