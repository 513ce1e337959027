; A macro that never stops expanding is reported at its use, once; the
; other uses are still expanded (and checked).
(define-syntax forever (syntax-rules () ((_ x) (list (forever x)))))
(display (forever 1))
(define-syntax grow (syntax-rules () ((_ x ...) (grow x ... x ...))))
(display (grow 1))
(define-syntax one (syntax-rules () ((_) 1)))
(display (one))
(display (one 2))
