; Malformed special forms are reported where they start.
(define)
(lambda (x 1) x)
(let ((a)) a)
(define (f x x) x)
