(define-library (bad lib)
  (export uses-unknown wrong-arity)
  (import (scheme base))
  (begin
    (define (uses-unknown x) (frobnicate x))
    (define (wrong-arity) (car 1 2))))
