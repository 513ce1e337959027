; Gibbons' streaming spigot for the digits of pi: bignum arithmetic with
; every operation (quotient, *, +, comparison) on growing numbers.
(define (digits q r t k n count)
  (if (= count 0)
      (newline)
      (if (< (+ (* 4 q) (- r t)) (* n t))
          (begin
            (display n)
            (digits (* 10 q) (* 10 (- r (* n t))) t k
                    (- (quotient (* 10 (+ (* 3 q) r)) t) (* 10 n))
                    (- count 1)))
          (digits (* q k) (* (+ (* 2 q) r) (+ (* 2 k) 1)) (* t (+ (* 2 k) 1)) (+ k 1)
                  (quotient (+ (* q (+ (* 7 k) 2)) (* r (+ (* 2 k) 1))) (* t (+ (* 2 k) 1)))
                  count))))
(digits 1 0 1 1 3 100)
