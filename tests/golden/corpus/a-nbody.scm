(import (scheme base) (scheme write) (scheme inexact) (scheme cxr))

;; Flonum simulations on vectors: the n-body benchmark (planets as
;; records of mutable fields), 1-D heat diffusion with an explicit scheme,
;; Gaussian elimination with partial pivoting on a matrix stored as a
;; vector of row vectors, and Newton's method. Results are printed to a
;; fixed number of decimals through exact integers, so the output does not
;; depend on how an implementation prints flonums.

(define (fixed x places)
  ;; x rounded to places decimals, as a string; -0 prints as 0
  (let* ((scale (expt 10 places))
         (n (exact (round (* (abs x) scale))))
         (neg (and (< x 0) (> n 0)))
         (whole (quotient n scale))
         (frac (number->string (remainder n scale))))
    (string-append (if neg "-" "")
                   (number->string whole)
                   (if (> places 0)
                       (string-append "." (make-string (- places (string-length frac)) #\0) frac)
                       ""))))

(define (show label x places)
  (display label) (display " ") (display (fixed x places)) (newline))

;; ---- n-body -----------------------------------------------------------------
(define pi 3.141592653589793)
(define solar-mass (* 4 pi pi))
(define days-per-year 365.24)

(define-record-type body
  (make-body x y z vx vy vz mass)
  body?
  (x body-x set-body-x!) (y body-y set-body-y!) (z body-z set-body-z!)
  (vx body-vx set-body-vx!) (vy body-vy set-body-vy!) (vz body-vz set-body-vz!)
  (mass body-mass))

(define (planet x y z vx vy vz mass)
  (make-body x y z
             (* vx days-per-year) (* vy days-per-year) (* vz days-per-year)
             (* mass solar-mass)))

(define (make-system)
  (vector
   (make-body 0.0 0.0 0.0 0.0 0.0 0.0 solar-mass)
   (planet 4.84143144246472090e+00 -1.16032004402742839e+00 -1.03622044471123109e-01
           1.66007664274403694e-03 7.69901118419740425e-03 -6.90460016972063023e-05
           9.54791938424326609e-04)
   (planet 8.34336671824457987e+00 4.12479856412430479e+00 -4.03523417114321381e-01
           -2.76742510726862411e-03 4.99852801234917238e-03 2.30417297573763929e-05
           2.85885980666130812e-04)
   (planet 1.28943695621391310e+01 -1.51111514016986312e+01 -2.23307578892655734e-01
           2.96460137564761618e-03 2.37847173959480950e-03 -2.96589568540237556e-05
           4.36624404335156298e-05)
   (planet 1.53796971148509165e+01 -2.59193146099879641e+01 1.79258772950371181e-01
           2.68067772490389322e-03 1.62824170038242295e-03 -9.51592254519715870e-05
           5.15138902046611451e-05)))

(define (offset-momentum! bodies)
  (let loop ((i 0) (px 0.0) (py 0.0) (pz 0.0))
    (if (< i (vector-length bodies))
        (let ((b (vector-ref bodies i)))
          (loop (+ i 1)
                (+ px (* (body-vx b) (body-mass b)))
                (+ py (* (body-vy b) (body-mass b)))
                (+ pz (* (body-vz b) (body-mass b)))))
        (let ((sun (vector-ref bodies 0)))
          (set-body-vx! sun (- (/ px solar-mass)))
          (set-body-vy! sun (- (/ py solar-mass)))
          (set-body-vz! sun (- (/ pz solar-mass)))))))

(define (energy bodies)
  (let ((n (vector-length bodies)))
    (let outer ((i 0) (e 0.0))
      (if (= i n)
          e
          (let* ((b (vector-ref bodies i))
                 (e (+ e (* 0.5 (body-mass b)
                            (+ (* (body-vx b) (body-vx b))
                               (* (body-vy b) (body-vy b))
                               (* (body-vz b) (body-vz b)))))))
            (let inner ((j (+ i 1)) (e e))
              (if (= j n)
                  (outer (+ i 1) e)
                  (let* ((c (vector-ref bodies j))
                         (dx (- (body-x b) (body-x c)))
                         (dy (- (body-y b) (body-y c)))
                         (dz (- (body-z b) (body-z c)))
                         (d (sqrt (+ (* dx dx) (* dy dy) (* dz dz)))))
                    (inner (+ j 1) (- e (/ (* (body-mass b) (body-mass c)) d)))))))))))

(define (advance! bodies dt)
  (let ((n (vector-length bodies)))
    (do ((i 0 (+ i 1))) ((= i n))
      (let ((b (vector-ref bodies i)))
        (do ((j (+ i 1) (+ j 1))) ((= j n))
          (let* ((c (vector-ref bodies j))
                 (dx (- (body-x b) (body-x c)))
                 (dy (- (body-y b) (body-y c)))
                 (dz (- (body-z b) (body-z c)))
                 (d2 (+ (* dx dx) (* dy dy) (* dz dz)))
                 (mag (/ dt (* d2 (sqrt d2)))))
            (set-body-vx! b (- (body-vx b) (* dx (body-mass c) mag)))
            (set-body-vy! b (- (body-vy b) (* dy (body-mass c) mag)))
            (set-body-vz! b (- (body-vz b) (* dz (body-mass c) mag)))
            (set-body-vx! c (+ (body-vx c) (* dx (body-mass b) mag)))
            (set-body-vy! c (+ (body-vy c) (* dy (body-mass b) mag)))
            (set-body-vz! c (+ (body-vz c) (* dz (body-mass b) mag)))))))
    (vector-for-each
     (lambda (b)
       (set-body-x! b (+ (body-x b) (* dt (body-vx b))))
       (set-body-y! b (+ (body-y b) (* dt (body-vy b))))
       (set-body-z! b (+ (body-z b) (* dt (body-vz b)))))
     bodies)))

(let ((system (make-system)))
  (offset-momentum! system)
  (show "energy before:" (energy system) 9)
  (do ((step 1 (+ step 1))) ((> step 2000))
    (advance! system 0.01)
    (when (= 0 (remainder step 500))
      (display "step ") (display step)
      (show " energy:" (energy system) 9)))
  (let ((jupiter (vector-ref system 1)))
    (show "jupiter x:" (body-x jupiter) 6)
    (show "jupiter y:" (body-y jupiter) 6)))

;; ---- heat diffusion ---------------------------------------------------------
;; u_t = alpha u_xx on [0,1], u = 0 at both ends, initial bump in the
;; middle; two vectors swapped each step.
(define (diffuse cells steps alpha)
  (let ((u (make-vector cells 0.0))
        (v (make-vector cells 0.0))
        (dx (/ 1.0 (- cells 1))))
    (do ((i (quotient cells 3) (+ i 1))) ((= i (quotient (* 2 cells) 3)))
      (vector-set! u i 100.0))
    (let ((dt (* 0.4 dx dx (/ 1.0 alpha))))
      (let loop ((step 0) (u u) (v v))
        (if (= step steps)
            (values u (* steps dt))
            (begin
              (do ((i 1 (+ i 1))) ((= i (- cells 1)))
                (vector-set! v i (+ (vector-ref u i)
                                    (* alpha (/ dt (* dx dx))
                                       (+ (vector-ref u (- i 1))
                                          (* -2.0 (vector-ref u i))
                                          (vector-ref u (+ i 1)))))))
              (loop (+ step 1) v u)))))))

(let-values (((u t) (diffuse 31 400 1.0)))
  (show "heat: time" t 6)
  (display "heat: profile")
  (do ((i 0 (+ i 5))) ((>= i (vector-length u)))
    (display " ") (display (fixed (vector-ref u i) 3)))
  (newline)
  (show "heat: total"
        (let loop ((i 0) (s 0.0)) (if (= i (vector-length u)) s (loop (+ i 1) (+ s (vector-ref u i)))))
        4)
  (show "heat: peak"
        (let loop ((i 0) (m 0.0)) (if (= i (vector-length u)) m (loop (+ i 1) (max m (vector-ref u i)))))
        4))

;; ---- linear systems -----------------------------------------------------------
(define (matrix rows) (list->vector (map list->vector rows)))
(define (mref m i j) (vector-ref (vector-ref m i) j))

(define (solve a b)
  ;; Gaussian elimination with partial pivoting on copies of a and b
  (let* ((n (vector-length a))
         (m (vector-map vector-copy a))
         (x (vector-copy b)))
    (do ((k 0 (+ k 1))) ((= k n))
      (let ((pivot (let loop ((i (+ k 1)) (best k))
                     (cond ((= i n) best)
                           ((> (abs (mref m i k)) (abs (mref m best k))) (loop (+ i 1) i))
                           (else (loop (+ i 1) best))))))
        (unless (= pivot k)
          (let ((row (vector-ref m k)) (bk (vector-ref x k)))
            (vector-set! m k (vector-ref m pivot)) (vector-set! m pivot row)
            (vector-set! x k (vector-ref x pivot)) (vector-set! x pivot bk))))
      (do ((i (+ k 1) (+ i 1))) ((= i n))
        (let ((factor (/ (mref m i k) (mref m k k))))
          (do ((j k (+ j 1))) ((= j n))
            (vector-set! (vector-ref m i) j (- (mref m i j) (* factor (mref m k j)))))
          (vector-set! x i (- (vector-ref x i) (* factor (vector-ref x k)))))))
    (do ((i (- n 1) (- i 1))) ((< i 0) x)
      (let loop ((j (+ i 1)) (s (vector-ref x i)))
        (if (= j n)
            (vector-set! x i (/ s (mref m i i)))
            (loop (+ j 1) (- s (* (mref m i j) (vector-ref x j)))))))))

(define (mat*vec a x)
  (vector-map (lambda (row)
                (let loop ((j 0) (s 0.0))
                  (if (= j (vector-length row)) s (loop (+ j 1) (+ s (* (vector-ref row j) (vector-ref x j)))))))
              a))

(let* ((a (matrix '((2.0 1.0 -1.0 0.5) (-3.0 -1.0 2.0 1.0) (-2.0 1.0 2.0 -1.0) (1.0 2.0 3.0 4.0))))
       (b (vector 8.0 -11.0 -3.0 10.0))
       (x (solve a b))
       (r (mat*vec a x)))
  (display "solution:")
  (vector-for-each (lambda (v) (display " ") (display (fixed v 6))) x)
  (newline)
  (display "residual:")
  (vector-for-each (lambda (ri bi) (display " ") (display (fixed (- ri bi) 6))) r b)
  (newline))

;; The same system in exact arithmetic gives the exact answer.
(let* ((a (matrix '((2 1 -1 1/2) (-3 -1 2 1) (-2 1 2 -1) (1 2 3 4))))
       (x (solve a (vector 8 -11 -3 10))))
  (display "exact solution: ") (write x) (newline))

;; Hilbert matrices are ill-conditioned: compare the flonum and exact
;; solutions of H x = (1 ... 1).
(define (hilbert n exact?)
  (let ((m (make-vector n #f)))
    (do ((i 0 (+ i 1))) ((= i n) m)
      (vector-set! m i (make-vector n 0))
      (do ((j 0 (+ j 1))) ((= j n))
        (vector-set! (vector-ref m i) j
                     (if exact? (/ 1 (+ i j 1)) (/ 1.0 (+ i j 1))))))))

(let* ((n 6)
       (exact-x (solve (hilbert n #t) (make-vector n 1)))
       (float-x (solve (hilbert n #f) (make-vector n 1.0))))
  (display "hilbert exact: ") (write exact-x) (newline)
  (display "hilbert max error < 1e-6: ")
  (display (let loop ((i 0) (worst 0.0))
             (if (= i n)
                 (< worst 1e-6)
                 (loop (+ i 1) (max worst (abs (- (vector-ref float-x i)
                                                  (inexact (vector-ref exact-x i)))))))))
  (newline))

;; ---- Newton's method ---------------------------------------------------------
(define (newton f df x0 tolerance)
  (let loop ((x x0) (iterations 0))
    (let ((next (- x (/ (f x) (df x)))))
      (if (or (< (abs (- next x)) tolerance) (> iterations 50))
          (values next (+ iterations 1))
          (loop next (+ iterations 1))))))

(for-each
 (lambda (problem)
   (let-values (((root n) (newton (cadr problem) (caddr problem) (cadddr problem) 1e-12)))
     (display (car problem)) (display ": ")
     (display (fixed root 10)) (display " in ") (display n) (display " steps")
     (newline)))
 (list (list "sqrt 2" (lambda (x) (- (* x x) 2)) (lambda (x) (* 2 x)) 1.0)
       (list "cube root 10" (lambda (x) (- (* x x x) 10)) (lambda (x) (* 3 x x)) 2.0)
       (list "x^3-2x-5" (lambda (x) (- (* x x x) (* 2 x) 5)) (lambda (x) (- (* 3 x x) 2)) 2.0)))

(show "sqrt 2 builtin:" (sqrt 2.0) 10)
(show "exact->inexact 1/3:" (inexact 1/3) 12)
(show "rounding -0.0000004:" -0.0000004 6)
(show "rounding 2.5 to 0 places:" 2.5 0)
(show "rounding 3.5 to 0 places:" 3.5 0)
