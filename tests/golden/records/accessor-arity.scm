; Accessors and modifiers are known procedures too: wrong argument counts are reported at compile time.
(define-record-type point (make-point x y) point?
  (x point-x set-point-x!)
  (y point-y))
(define p (make-point 1 2))
(display (point-x))
(set-point-x! p)
(display (point? p p))
