; An accessor given a record of another type is a run-time error naming the accessor and the expected type.
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(define-record-type <color> (make-color r g b) color? (r color-r) (g color-g) (b color-b))
(define c (make-color 1 2 3))
(display (color-g c))
(newline)
(display (point-x c))
(newline)
