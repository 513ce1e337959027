; import of the R7RS-small libraries is accepted and needs nothing: every
; standard procedure is always available. only and except are accepted too.
(import (scheme base) (scheme char) (scheme cxr) (scheme write) (scheme read)
        (scheme file) (scheme process-context) (scheme inexact) (scheme lazy)
        (scheme time) (scheme case-lambda))
(import (only (scheme base) car cdr) (except (scheme char) char-upcase))
(write (list (char-upcase #\a) (caddr '(1 2 3)) (exact (floor 2.5)) (force (delay 'lazy))))
(newline)
