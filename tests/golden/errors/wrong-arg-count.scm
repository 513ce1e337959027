; Calling a known procedure with the wrong number of arguments.
(define (add a b)
  (+ a b))
(display (add 1 2 3))
(car 1 2)
