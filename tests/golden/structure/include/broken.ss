; A file with errors: diagnostics point into it.
(define (uses-unknown x) (frobnicate x))
(define (wrong-arity) (car 1 2))
