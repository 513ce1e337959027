; Calling a string as if it were a procedure.
(define handlers (list (lambda (x) (* x 2)) "not a procedure"))
(define (run-all x)
  (map (lambda (h) (h x)) handlers))
(display (run-all 3))
