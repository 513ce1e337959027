; A run-time error in a library's code gives its place in the library file.
(import (scheme base) (scheme write) (rt checked))
(display (first-of '(1 2))) (newline)
(display (first-of 5)) (newline)
