; A procedure value called with the wrong number of arguments.
(define (call-with-two f) (f 1 2))
(display (call-with-two (lambda (x) x)))
