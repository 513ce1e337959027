; Adding a boolean is a run-time type error, reported with its location.
(define (add-one x) (+ x 1))
(display "before")
(newline)
(display (add-one #t))
(newline)
