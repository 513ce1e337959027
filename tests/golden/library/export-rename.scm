; export (rename internal external), and the import sets only, except,
; prefix and rename applied to a library of the program's own.
(import (scheme base) (scheme write)
        (only (shapes geometry) make-point distance origin)
        (prefix (only (shapes geometry) point-x point-y) pt:)
        (rename (except (shapes geometry) make-point distance origin point-x point-y)
                (square sq)))
(define p (make-point 3 4))
(display (distance origin p)) (newline)
(display (list (pt:point-x p) (pt:point-y p))) (newline)
(display (sq 12)) (newline)
; the internal names and those left out are not visible
(define square-of 'mine)
(define point? 'also-mine)
(display (list square-of point?)) (newline)
