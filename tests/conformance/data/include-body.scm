;; Read by 4.1.7-include.scm inside a body: a definition, then an expression.
(define body-local 10)
(* body-local 2)
