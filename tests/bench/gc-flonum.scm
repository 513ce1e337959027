;;; gc-flonum -- a flonum accumulation loop over lists of flonums made
;;; fresh every round: the sums are carried in a list, so the flonums are
;;; heap objects (the sumfp shape). Measures: boxed flonum allocation.
;;; Prints the total, rounded.

(define rounds 20000)  ; smoke: 10

(define (make-samples k)
  (let loop ((i 0) (l '())) (if (= i 100) l (loop (+ i 1) (cons (* (exact->inexact (+ i k)) 0.5) l)))))

(define (run n)
  (let loop ((r 0) (sums '(0.)))
    (if (= r n)
        (car sums)
        (loop (+ r 1)
              (list (let add ((l (make-samples r)) (s (car sums))) (if (null? l) s (add (cdr l) (+ s (car l))))))))))

(display (inexact->exact (round (run rounds))))
(newline)
