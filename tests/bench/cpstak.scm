;;; cpstak -- tak written in continuation-passing style: every non-tail call
;;; of tak.scm becomes a tail call carrying a freshly made closure.
;;; Measures: closure creation, calls through unknown closures, tail calls.
;;; Prints the sum of (cpstak 18 12 6) over all repetitions.

(define reps 300)  ; smoke: 2

(define (cps-tak x y z k)
  (if (< y x)
      (cps-tak (- x 1) y z
               (lambda (a)
                 (cps-tak (- y 1) z x
                          (lambda (b)
                            (cps-tak (- z 1) x y
                                     (lambda (c)
                                       (cps-tak a b c k)))))))
      (k z)))

(define (cpstak x y z)
  (cps-tak x y z (lambda (result) result)))

(define (run-cpstak count)
  (let repeat ((i 0) (sum 0))
    (if (= i count)
        sum
        (repeat (+ i 1) (+ sum (cpstak 18 12 6))))))

(display (run-cpstak reps))
(newline)
