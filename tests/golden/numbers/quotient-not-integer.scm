; quotient wants integers.
(display (quotient 7.0 2)) (newline)
(display (quotient 7.5 2)) (newline)
