; Complex results are not supported: sqrt of a negative number is an error.
(display (sqrt 4)) (newline)
(display (sqrt -4))
(newline)
