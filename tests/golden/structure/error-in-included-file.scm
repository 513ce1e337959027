; Errors in included code are reported in the included file.
(include "include/broken.ss")
(uses-unknown 1)
(wrong-arity)
