;; Flonum code meets complex numbers: a program that can make complex
;; numbers keeps the operands it cannot prove real boxed, so contagion
;; gives the complex result instead of a double.
(define (scale x) (* x 2.5))
(define (show x) (write x) (newline))
(show (scale 2))
(show (scale (make-rectangular 1 2)))
(show (+ 1.0 (scale (string->number "1-i"))))
;; a loop accumulating in a flonum until sqrt takes it off the reals
(show (let loop ((i 0) (acc 0.0))
        (if (= i 4) acc (loop (+ i 1) (+ acc (sqrt (- i 1.5)))))))
;; exact->inexact of something unknown
(define (to-inexact x) (exact->inexact x))
(show (map to-inexact (list 1/2 3 (make-rectangular 1/4 -3))))
;; sqrt of a sum of squares stays in doubles
(define (hypot a b) (sqrt (+ (* a a) (* b b))))
(show (hypot 3.0 4.0))
(show (magnitude (make-rectangular 3.0 4.0)))
