; A record constructor is a known procedure: calling it with the wrong number of arguments is a compile-time error.
(define-record-type point
  (make-point x y)
  point?
  (x point-x)
  (y point-y))
(define origin (make-point 0))
(display (point-x origin))
