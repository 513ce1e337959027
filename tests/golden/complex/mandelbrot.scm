;; The Mandelbrot set with complex arithmetic: z := z^2 + c from 0 until
;; |z| > 2 or 30 steps, on a 24 x 12 grid of exact complex points (each
;; iterate is exact until it is made inexact to keep the numbers small).
(define (steps c)
  (let loop ((z 0) (n 0))
    (cond ((= n 30) n)
          ((> (magnitude z) 2) n)
          (else (loop (exact->inexact (+ (* z z) c)) (+ n 1))))))
(define (row y)
  (let loop ((x 0) (acc '()))
    (if (= x 24)
        (list->string (reverse acc))
        (let* ((c (make-rectangular (- (* x 1/8) 2) (- (* y 1/4) 3/2)))
               (n (steps c)))
          (loop (+ x 1)
                (cons (cond ((= n 30) #\#) ((> n 5) #\+) ((> n 2) #\.) (else #\space)) acc))))))
(let loop ((y 0))
  (when (< y 13)
    (display (row y))
    (newline)
    (loop (+ y 1))))
;; the total number of steps over the grid
(display (let loop ((y 0) (total 0))
           (if (= y 13)
               total
               (loop (+ y 1)
                     (let inner ((x 0) (t total))
                       (if (= x 24) t
                           (inner (+ x 1) (+ t (steps (make-rectangular (- (* x 1/8) 2) (- (* y 1/4) 3/2)))))))))))
(newline)
