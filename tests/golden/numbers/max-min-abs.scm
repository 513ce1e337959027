; max and min are variadic and inexact when any argument is; abs.
(display (list (max 1 2 3) (min 1 2 3) (max 1 2.0) (min 1 2.0) (max 1/2 1/3) (min 1/2 0.25)))
(newline)
(display (list (max -inf.0 5) (min +inf.0 (expt 2 100)) (max 7) (max (expt 2 100) (expt 3 60))))
(newline)
(display (list (abs -7) (abs 7) (abs -7/2) (abs -2.5) (abs -0.0) (abs (- (expt 2 100)))))
(newline)
(display (abs -4611686018427387904)) (newline)
(display (- -4611686018427387904)) (newline)
