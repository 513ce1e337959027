; An accessor applied to a number, reached through a procedure: the error points at the accessor call.
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(define (sum-y points)
  (if (null? points)
      0
      (+ (point-y (car points)) (sum-y (cdr points)))))
(display (sum-y (list (make-point 1 2) (make-point 3 4))))
(newline)
(display (sum-y (list (make-point 1 2) 42)))
