; Macros whose expansion defines other macros, at the top level and in bodies.
(import (scheme base) (scheme write))
(define-syntax define-constant-macro
  (syntax-rules ()
    ((_ name value) (define-syntax name (syntax-rules () ((_) value))))))
(define-constant-macro forty-two 42)
(write (forty-two)) (newline)
(define-syntax define-wrapper
  (syntax-rules ()
    ((_ name proc) (define-syntax name (syntax-rules () ((_ arg) (proc (list 'wrapped arg))))))))
(define-wrapper wrap-show car)
(let ((car 'user-car))
  (write (wrap-show car)) (newline))
(define (local)
  (define-constant-macro seven 7)
  (define-syntax twice (syntax-rules () ((_ e) (+ e e))))
  (twice (seven)))
(write (local)) (newline)
; a generated macro that introduces a binding is still hygienic
(define-syntax define-my-or
  (syntax-rules ()
    ((_ name) (define-syntax name
                (syntax-rules ()
                  ((_) #f)
                  ((_ e) e)
                  ((_ e r (... ...)) (let ((t e)) (if t t (name r (... ...))))))))))
(define-my-or or2)
(define t 'user-t)
(write (or2 #f t)) (newline)
