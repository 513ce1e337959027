;; Read by 4.1.7-include.scm: definitions for the top level.
(define included-value 42)
(define (included-double x) (* x 2))
