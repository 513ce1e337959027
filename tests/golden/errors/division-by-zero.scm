; Integer division by zero is a run-time error.
(display (quotient 7 2))
(newline)
(display (remainder 7 0))
