; let-values, let*-values, define-values and case-lambda with malformed parts.
(let-values (((a b))) a)
(let*-values)
(define-values (a 1) (values 1 2))
(define f (case-lambda))
(define g (case-lambda (x)))
