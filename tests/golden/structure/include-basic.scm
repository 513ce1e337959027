; include splices the forms of files named relative to the including file,
; in order; one include may name several files.
(import (scheme base) (scheme write))
(display "before") (newline)
(include "include/shapes.ss")
(display (list (square 4) (area-of-circle 2))) (newline)
(include "include/colours.ss" "include/values.ss")
(display (list colours forty-two)) (newline)
