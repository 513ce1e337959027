; One ')' too many.
(display (+ 1 2)))
