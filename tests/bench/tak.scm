;;; tak -- the Takeuchi function, (tak 18 12 6), repeated.
;;; Measures: deep non-tail recursion with three arguments, fixnum compare.
;;; Prints the sum of the results of all repetitions.

(define reps 6000)  ; smoke: 3

(define (tak x y z)
  (if (< y x)
      (tak (tak (- x 1) y z)
           (tak (- y 1) z x)
           (tak (- z 1) x y))
      z))

(define (run-tak count)
  (do ((i 0 (+ i 1))
       (sum 0 (+ sum (tak 18 12 6))))
      ((= i count) sum)))

(display (run-tak reps))
(newline)
