; car of a number, reached through a helper: the error names car and points at its call.
(define (first-of x) (car x))
(display (first-of '(1 2)))
(newline)
(display (first-of 5))
(newline)
