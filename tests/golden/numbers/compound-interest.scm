; Money in exact rationals: compound interest stays exact; rounding to cents
; at the end uses round (to even) on rationals.
(define (grow amount rate years)
  (if (= years 0) amount (grow (* amount (+ 1 rate)) rate (- years 1))))
(define balance (grow 1000 5/100 10))
(display balance) (newline)
(display (exact->inexact balance)) (newline)
(define (cents x) (/ (round (* x 100)) 100))
(display (cents balance)) (newline)
(display (exact->inexact (cents balance))) (newline)
(display (list (round 1/2) (round 3/2) (round 5/2) (round -5/2) (round 2.5) (round 0.125))) (newline)
(display (* 1.1 1.1)) (newline)
(display (* 11/10 11/10)) (newline)
