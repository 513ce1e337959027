; cond-expand in a library: over its declarations, with (library NAME)
; true of the program's own libraries found on the search path; and
; include-library-declarations.
(import (scheme base) (scheme write) (conf impl))
(display implementation) (newline)
(display impl-name) (newline)
(display (has-util-a)) (newline)
(display answer) (newline)
(cond-expand
  ((library (conf impl)) (display "(conf impl) is a library") (newline))
  (else (display "no (conf impl)") (newline)))
(cond-expand
  ((library (conf nothing)) (display "wrong") (newline))
  (else (display "no (conf nothing)") (newline)))
