(display "included expression ")
(+ 20 22)
