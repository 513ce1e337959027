; Malformed define-record-type forms, each reported at the part that is wrong.
(define-record-type point)
(define-record-type (point) (make-point x) point? (x point-x))
(define-record-type point2 (make-point2 x) point2? (x point2-x set-x! extra))
(define-record-type point3 (make-point3 y) point3? (x point3-x))
(define-record-type point4 (make-point4 x) point4? (x 5))
