;; An include that names no readable file.
(include "no-such-file.lisp")
(include 42)
1
