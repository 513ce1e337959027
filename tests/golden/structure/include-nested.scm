; An included file may include others, each named relative to the file
; that includes it.
(import (scheme base) (scheme write))
(include "include/outer.ss")
(display (list (outer-name) (inner-name) leaf-value)) (newline)
