; include-ci reads the file as if it began with #!fold-case: identifiers
; are folded to lower case; strings and characters are not.
(import (scheme base) (scheme write))
(include-ci "include/upper.ss")
(write (shout 1)) (newline)
