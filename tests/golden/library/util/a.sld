(define-library (util a)
  (export describe-a counter-a)
  (import (scheme base))
  (begin
    (define helper "a's helper")
    (define count 0)
    (define (counter-a) (set! count (+ count 1)) count)
    (define (describe-a) (string-append "A uses " helper))))
