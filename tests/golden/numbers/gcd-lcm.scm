; gcd and lcm: variadic, nonnegative results, bignums, inexact integers.
(display (list (gcd) (lcm) (gcd 12) (gcd -12)))
(newline)
(display (list (gcd 32 -36) (gcd 0 5) (gcd 0 0) (lcm 32 -36) (lcm 4 6 10) (lcm 0 5)))
(newline)
(display (gcd (expt 2 100) (expt 6 50))) (newline)
(display (lcm (expt 2 70) (expt 3 40))) (newline)
(display (gcd 12.0 18)) (newline)
(display (lcm 4 6.0)) (newline)
