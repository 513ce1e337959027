; let-syntax macros see the scope around the form, so a macro inside refers
; to the outer macro of the same name; letrec-syntax macros see each other.
(import (scheme base) (scheme write))
(define-syntax foo (syntax-rules () ((_) 'outer)))
(let-syntax ((foo (syntax-rules () ((_) 'inner)))
             (bar (syntax-rules () ((_) (foo)))))
  (write (list (foo) (bar))) (newline))
(letrec-syntax ((foo (syntax-rules () ((_) 'inner)))
                (bar (syntax-rules () ((_) (foo)))))
  (write (list (foo) (bar))) (newline))
(write (foo)) (newline)
(letrec-syntax ((ev? (syntax-rules () ((_) #t) ((_ x . r) (od? . r))))
                (od? (syntax-rules () ((_) #f) ((_ x . r) (ev? . r)))))
  (write (list (ev? 1 2 3 4) (ev? 1 2 3) (od? 1))) (newline))
; the body is a body (R7RS; R6RS and Chez splice it): its definitions are local
(define x 'global-x)
(let-syntax ((double (syntax-rules () ((_ e) (* 2 e)))))
  (define x 21)
  (write (double x)) (newline))
(write x) (newline)
; let-syntax as an expression
(write (+ 1 (let-syntax ((three (syntax-rules () ((_) 3)))) (three)))) (newline)
