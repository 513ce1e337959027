;;; Flonums kept in C doubles (compiler/represent.cpp): loops, lets and
;;; parameters whose values are all flonums compute unboxed; every result
;;; must be what the generic arithmetic gives, errors included.

;; The generic operations, called through values: never open-coded.
(define g+ +) (define g- -) (define g* *) (define g/ /)
(define g< <) (define g= =)

(define (show . xs) (for-each (lambda (x) (display x) (display " ")) xs) (newline))

;; A flonum accumulator in a do loop, and a named let over flonums.
(show (do ((i 0 (+ i 1)) (x 0.0 (+ x 0.1))) ((= i 10) x)))
(define (escape-count cr ci limit)
  (let iterate ((zr 0.0) (zi 0.0) (i 0))
    (if (= i limit)
        i
        (let ((zr2 (* zr zr)) (zi2 (* zi zi)))
          (if (> (+ zr2 zi2) 4.0)
              i
              (iterate (+ (- zr2 zi2) cr) (+ (* 2.0 (* zr zi)) ci) (+ i 1)))))))
(show (escape-count -0.5 0.5 100) (escape-count 0.5 0.5 100) (escape-count -2.0 0.0 100))

;; A known procedure whose parameters are flonums at every call.
(define (hypot a b) (sqrt (+ (* a a) (* b b))))
(show (hypot 3.0 4.0) (hypot (exact->inexact 5) 12.0))

;; Signed zeros and exact operands: the same as the generic operations.
(let ((z -0.0) (one 1.0))
  (show (- 0 z) (- z 0) (- z) (* z 1) (/ one 2) (/ 1 one) (/ one))
  (show (eqv? (+ z 0) (g+ z 0)) (eqv? (+ 0 z) (g+ 0 z)) (eqv? (- 0 z) (g- 0 z))
        (eqv? (* z 0) (g* z 0)) (eqv? (* 0 z) (g* 0 z)) (eqv? (/ 0 one) (g/ 0 one))
        (eqv? (- z) (g- z)) (eqv? (+ z 1/2) (g+ z 1/2))))

;; Exact comparisons stay exact: 2^53 + 1 is above 2^53 as a double.
(let ((big (* 1.0 9007199254740992.0)))
  (show (< big 9007199254740993) (= big 9007199254740993) (> 9007199254740993 big)
        (= big 9007199254740992) (<= big (* 4 2251799813685248)))
  (show (< big 1e300) (= (* big 0.5) 4503599627370496) (< (/ big 2) 4503599627370497/1)))

;; Ratios and bignums convert to the nearest double.
(let ((x 1.5))
  (show (+ x 1/2) (* x 2/3) (= (- x 100000000000000000000) -1e20) (= x 3/2) (< x 3/2) (exact->inexact 1/3)))

;; NaN is unordered; infinities are ordered.
(let ((nan (/ 0.0 0.0)) (inf (/ 1.0 0.0)))
  (show (< nan 1.0) (= nan nan) (> nan 1.0) (<= nan nan) (< 1.0 inf) (> (- inf) -1e308) (nan? (* nan 0.0))))

;; Rounding, abs, square, sign tests of flonums.
(let ((a -2.5) (b 2.5) (c -0.0))
  (show (floor a) (ceiling a) (round a) (round b) (round 3.5) (truncate a) (abs a) (abs c) (square a))
  (show (zero? c) (positive? b) (negative? a) (negative? c) (zero? (- b b))))

;; Values that escape: stored, returned, passed to an unknown procedure.
(define (scale v k) (map (lambda (x) (* x k)) v))
(let loop ((i 0) (x 1.0) (acc '()))
  (if (< i 4)
      (loop (+ i 1) (* x 1.5) (cons x acc))
      (show acc (scale acc 2) (vector x (+ x 1)) (apply g+ acc))))

;; A variable assigned in a loop; a flonum captured by a closure.
(let ((sum 0.0))
  (do ((i 1 (+ i 1))) ((> i 4)) (set! sum (+ sum (/ 1.0 i))))
  (show sum))
(define (make-scaler k) (let ((f (* k 1.0))) (lambda (x) (* f x))))
(show ((make-scaler 3) 2) ((make-scaler 1/2) 3))

;; A loop variable that gets an exact value on one path is generic.
(show (let loop ((x 0.0) (i 0)) (if (< i 3) (loop (if (= i 1) 1 (+ x 1.5)) (+ i 1)) x)))

;; (< a b c): every operand evaluated once (in some order) before comparing.
(define calls 0)
(define (counted x) (set! calls (+ calls 1)) x)
(show (< (counted 1.0) (counted 2.0) (counted 0.5)))
(show (< 1 (counted 2) 3))
(show (= (counted 1) 1.0 (counted 1)))
(show (> 1 (counted 2) (counted 3)))
(show calls)

;; Errors are the generic ones: type, division by zero.
(define (message thunk)
  (guard (e ((error-object? e) (display (error-object-message e)) (display " ")
                               (write (error-object-irritants e)) (newline)))
    (thunk)))
(let ((x 1.5) (s "a"))
  (message (lambda () (+ x s)))
  (message (lambda () (- s x)))
  (message (lambda () (< x s)))
  (message (lambda () (> s x)))
  (message (lambda () (/ x 0)))
  (message (lambda () (/ x (- 1 1))))
  (message (lambda () (exact->inexact s))))
