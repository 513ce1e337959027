; A run-time error in included code names the included file.
(include "include/fails.ss")
(display (first-of '(1 2))) (newline)
(display (first-of 5)) (newline)
