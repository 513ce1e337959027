(define-library (extra strings)
  (export string-repeat join)
  (import (scheme base) (extra lists))
  (begin
    (define (string-repeat s n)
      (if (= n 0) "" (string-append s (string-repeat s (- n 1)))))
    (define (join strings sep)
      (fold-left (lambda (acc s) (if (equal? acc "") s (string-append acc sep s))) "" strings))))
