;;; number.scm - numeric procedures of (scheme base) written in Scheme.

;; The simplest rational within y of x (R7RS 6.2.6): the one with the
;; smallest denominator, and then the smallest numerator in magnitude.
;; Inexact if x or y is.
(define (rationalize x y)
  (%simplest-rational (- x y) (+ x y)))

(define (%simplest-rational lo hi)
  (cond ((or (nan? lo) (nan? hi)) (+ lo hi))
        ((> lo hi) (%simplest-rational hi lo))
        ((= lo hi) lo)
        ((positive? lo) (%simplest-positive-rational lo hi))
        ((negative? hi) (- (%simplest-positive-rational (- hi) (- lo))))
        ((and (exact? lo) (exact? hi)) 0)
        (else 0.0)))

;; 0 < lo < hi: the smallest integer in the interval when there is one, else
;; the integer part plus the inverse of the simplest rational of the inverted
;; fractional interval (a continued fraction, one term per call).
(define (%simplest-positive-rational lo hi)
  (let ((whole (floor lo)))
    (cond ((= whole lo) whole)
          ((< whole (floor hi)) (+ whole 1))
          (else (+ whole (/ 1 (%simplest-positive-rational (/ 1 (- hi whole)) (/ 1 (- lo whole)))))))))
