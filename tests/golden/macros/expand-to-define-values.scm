; A macro that expands into define-values, at the top level and in a body.
(import (scheme base) (scheme write))
(define-syntax define-quotient+remainder
  (syntax-rules ()
    ((_ q r n d) (define-values (q r) (floor/ n d)))))
(define-quotient+remainder q1 r1 17 5)
(write (list q1 r1)) (newline)
(define (body-values)
  (define-quotient+remainder q r -17 5)
  (define-values (a . rest) (values 1 2 3))
  (list q r a rest))
(write (body-values)) (newline)
(define-syntax define-both
  (syntax-rules ()
    ((_ a b v) (define-values (a b) (let ((tmp v)) (values tmp (* 2 tmp)))))))
(define tmp 'user-tmp)
(define-both x y 21)
(write (list x y tmp)) (newline)
