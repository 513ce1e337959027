;;; gc-cpstak -- CPS tak written the way benchmark suites write it: tak as
;;; an internal define, the result carried in a loop variable (so region
;;; inference cannot give the call a region: only the collector frees the
;;; continuations). Measures: closure allocation reclaimed by the collector.
;;; Prints the last result and the number of runs.

(define runs 5)  ; smoke: 1

(define (cpstak x y z)
  (define (tak x y z k)
    (if (not (< y x))
        (k z)
        (tak (- x 1) y z
             (lambda (v1)
               (tak (- y 1) z x
                    (lambda (v2)
                      (tak (- z 1) x y
                           (lambda (v3) (tak v1 v2 v3 k)))))))))
  (tak x y z (lambda (a) a)))

(define (main)
  (let loop ((i 0) (result '()))
    (if (= i runs)
        (begin (display (car result)) (display " ") (display (length result)) (newline))
        (loop (+ i 1) (cons (cpstak 24 16 8) result)))))
(main)
