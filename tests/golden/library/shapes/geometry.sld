; A library that exports some names under other names and keeps the rest private.
(define-library (shapes geometry)
  (export make-point point-x point-y
          (rename point-distance distance)
          (rename square-of square)
          origin)
  (import (scheme base) (scheme inexact))
  (begin
    (define-record-type point (make-point x y) point? (x point-x) (y point-y))
    (define (square-of n) (* n n))
    (define origin (make-point 0 0))
    (define (point-distance a b)
      (sqrt (+ (square-of (- (point-x a) (point-x b)))
               (square-of (- (point-y a) (point-y b))))))))
