; Newton's method for sqrt 2 in exact rationals: the convergents double their
; digits each step; then the same in flonums.
(define (improve x) (/ (+ x (/ 2 x)) 2))
(define (iterate x n)
  (if (> n 0)
      (begin (display x) (newline) (iterate (improve x) (- n 1)))))
(iterate 1 6)
(define (iterate-inexact x n) (if (= n 0) x (iterate-inexact (improve x) (- n 1))))
(display (iterate-inexact 1.0 6)) (newline)
(display (= (iterate-inexact 1.0 6) (sqrt 2))) (newline)
