; Built-in procedures have known argument counts too.
(define p (cons 1))
(display (car))
(display (car p p))
(define v (make-vector))
(newline 1 2)
