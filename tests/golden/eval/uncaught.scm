;; An error in eval'd code that nobody handles ends the program as any
;; error does.
(import (scheme base) (scheme write) (scheme eval))
(define env (environment '(scheme base)))
(define f (eval '(lambda (x) (vector-ref x 3)) env))
(display "before") (newline)
(display (f (vector 1 2 3 4))) (newline)
(f (vector 1 2))
(display "never printed") (newline)
