; let-values binds all its formals in one scope: the same name in two of its bindings is an error (R7RS 4.2.2).
(define (f)
  (let-values (((p q) (values 1 2)) ((p) (values 3)))
    p))
(display (f))
