; Malformed lambda forms and parameter lists.
(define f (lambda))
(define g (lambda (x)))
(define h (lambda 5 x))
(define (k a . 7) a)
(define (m "str") 1)
