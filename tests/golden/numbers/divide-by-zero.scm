; Division of exact numbers by exact zero is an error.
(display (/ 1.0 0)) (newline)
