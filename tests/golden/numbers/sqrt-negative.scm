; sqrt of a negative number is complex: exact when the root is.
(display (sqrt 4)) (newline)
(display (sqrt -4)) (newline)
(display (sqrt -4.0)) (newline)
(display (sqrt -1/4)) (newline)
