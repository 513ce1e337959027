; Zero to a negative power divides by exact zero.
(display (expt 0 2)) (newline)
(display (expt 0 -1)) (newline)
