; Only R7RS escapes are allowed in strings.
(display "tab\qhere")
(display "\x41")
