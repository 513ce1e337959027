; A macro that never stops expanding is reported at its use, once.
(define-syntax forever (syntax-rules () ((_ x) (list (forever x)))))
(display (forever 1))
(define-syntax grow (syntax-rules () ((_ x ...) (grow x ... x ...))))
(display (grow 1))
(display "not reached")
