; Errors in the code a macro writes point into the macro's template, or at
; the user's operands when the faulty code came from them.
(define-syntax call-undefined
  (syntax-rules () ((_ x) (no-such-procedure x))))
(call-undefined 1)
(define-syntax pass-through (syntax-rules () ((_ e) e)))
(pass-through (car))
(define-syntax twice (syntax-rules () ((_ f) (begin (f 1 2) (f 1 2)))))
(twice cons)
(twice car)
