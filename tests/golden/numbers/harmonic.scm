; Sums of rationals in a loop: the harmonic numbers.
(define (harmonic-from k n acc)
  (if (> k n) acc (harmonic-from (+ k 1) n (+ acc (/ 1 k)))))
(define (harmonic n) (harmonic-from 1 n 0))
(display (harmonic 10)) (newline)
(display (harmonic 20)) (newline)
(display (harmonic 40)) (newline)
(display (exact->inexact (harmonic 40))) (newline)
