; Macros and syntax-rules used where they cannot be.
(define-syntax m (syntax-rules () ((_) 1)))
(display m)
(set! m 5)
(syntax-rules () ((_) 1))
(define (f) (display 1) (define-syntax late (syntax-rules () ((_) 2))) (late))
(if #t (define-syntax nested (syntax-rules () ((_) 3))) #f)
