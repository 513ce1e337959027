; syntax-error reports an error when it is expanded, at the macro use
; that led to it (R7RS 4.3.3).
(define-syntax simple-let
  (syntax-rules ()
    ((_ (head ... ((x . y) val) . tail) body1 body2 ...)
     (syntax-error "expected an identifier but got" (x . y)))
    ((_ ((name val) ...) body1 body2 ...)
     ((lambda (name ...) body1 body2 ...) val ...))))
(display (simple-let ((a 1) ((b c) 2)) a))
(define-syntax needs-two
  (syntax-rules () ((_ a b) (list a b)) ((_ . other) (syntax-error "needs-two: expected two operands"))))
(define (f) (needs-two 1))
(syntax-error "at the top level")
