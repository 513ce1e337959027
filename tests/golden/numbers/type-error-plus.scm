; Arithmetic on a non-number names the procedure.
(define (f x) (+ 1 x))
(display (f 2)) (newline)
(display (f "two")) (newline)
