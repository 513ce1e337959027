; (syntax-rules ELLIPSIS (literal ...) rule ...): another identifier plays
; the ellipsis, so ... can be written in the expansion as an ordinary symbol.
(import (scheme base) (scheme write))
(define-syntax my-list
  (syntax-rules ::: ()
    ((_ x :::) (list x :::))))
(write (my-list 1 2 3)) (newline)
(define-syntax dots
  (syntax-rules ::: ()
    ((_ x :::) '(x ::: ...))))
(write (dots a b)) (newline)
; a macro that defines a macro with the ellipsis of its own
(define-syntax def-lister
  (syntax-rules ()
    ((_ name) (define-syntax name (syntax-rules ::: () ((_ a :::) (list 'name a :::)))))))
(def-lister lister)
(write (lister 1 2)) (newline)
; ... as a literal (R7RS 4.3.2; guile 3.0 rejects it): matched, not repeated
(define-syntax lit-dots
  (syntax-rules (...)
    ((_ a ...) (list 'dots a))
    ((_ a b) (list 'two a b))))
(write (list (lit-dots 1 ...) (lit-dots 1 2))) (newline)
