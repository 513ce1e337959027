(define ok 1)
(define (f x)
  (display x)
