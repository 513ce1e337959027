;;; mbrot -- the Mandelbrot set: for each point c of a grid over the complex
;;; plane, iterate z := z*z + c from 0 until |z| > 2 or the limit is reached,
;;; and add up the iteration counts. All of the arithmetic is on flonums.
;;; Measures: flonum arithmetic and comparison in a tight loop.
;;; Prints the total iteration count over the grid, summed over repetitions.

(define reps 1)      ; smoke: 1
(define side 320)    ; smoke: 16
(define limit 400)   ; smoke: 50

(define (escape-count cr ci limit)
  (let iterate ((zr 0.0) (zi 0.0) (i 0))
    (if (= i limit)
        i
        (let ((zr2 (* zr zr))
              (zi2 (* zi zi)))
          (if (> (+ zr2 zi2) 4.0)
              i
              (iterate (+ (- zr2 zi2) cr)
                       (+ (* 2.0 (* zr zi)) ci)
                       (+ i 1)))))))

;; The grid covers [-2.0, 1.0) x [-1.5, 1.5) in side x side points.
(define (mandelbrot side limit)
  (let ((step (/ 3.0 (exact->inexact side))))
    (let rows ((y 0) (total 0))
      (if (= y side)
          total
          (let ((ci (+ -1.5 (* (exact->inexact y) step))))
            (let columns ((x 0) (total total))
              (if (= x side)
                  (rows (+ y 1) total)
                  (columns (+ x 1)
                           (+ total
                              (escape-count (+ -2.0 (* (exact->inexact x) step))
                                            ci limit))))))))))

(define (run-mbrot count side limit)
  (let repeat ((i 0) (sum 0))
    (if (= i count)
        sum
        (repeat (+ i 1) (+ sum (mandelbrot side limit))))))

(display (run-mbrot reps side limit))
(newline)
