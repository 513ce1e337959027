; apply needs a proper list as its last argument.
(define (sum-all . xs) (apply + xs))
(display (sum-all 1 2 3))
(newline)
(display (apply + 1 2))
