; Integer division on integral flonums gives flonums.
(display (list (quotient 7.0 2) (remainder 7 -2.0) (modulo -7.0 2) (modulo 7.0 -2))) (newline)
(display (list (quotient 1e20 3) (floor-remainder -7 2.0) (truncate-quotient -7.0 2))) (newline)
(display (list (remainder -6.0 3) (modulo 6.0 -3))) (newline)
