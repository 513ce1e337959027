; A file that cannot be read is an error at its name, and include needs
; strings.
(include "include/no-such-file.ss")
(include "include")
(include 'symbol)
(include)
