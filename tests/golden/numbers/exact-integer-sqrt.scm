; exact-integer-sqrt returns the root and the remainder.
(define (show s r) (display (list s r)) (newline))
(call-with-values (lambda () (exact-integer-sqrt 17)) show)
(call-with-values (lambda () (exact-integer-sqrt 0)) show)
(call-with-values (lambda () (exact-integer-sqrt 16)) show)
(call-with-values (lambda () (exact-integer-sqrt (expt 10 41))) show)
(call-with-values (lambda () (exact-integer-sqrt (- (expt 2 128) 1))) show)
