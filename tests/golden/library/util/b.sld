(define-library (util b)
  (export describe-b counter-b)
  (import (scheme base))
  (begin
    (define (helper) "b's helper")
    (define count 100)
    (define (counter-b) (set! count (+ count 10)) count)
    (define (describe-b) (string-append "B uses " (helper)))))
