; Dotted patterns match the rest of a list (or an improper list's tail);
; dotted templates build improper lists, kept flat.
(import (scheme base) (scheme write))
(define-syntax first-and-rest
  (syntax-rules ()
    ((_ a . rest) '(a rest))))
(write (first-and-rest 1 2 3)) (newline)
(write (first-and-rest 1)) (newline)
(define-syntax tail-of
  (syntax-rules ()
    ((_ (a ... . r)) '(r a ...))))
(write (tail-of (1 2 . 3))) (newline)
(write (tail-of (1 2))) (newline)
(define-syntax cons-template
  (syntax-rules ()
    ((_ a b) '(a . b))))
(write (list (cons-template 1 2) (cons-template 1 (2 3)) (cons-template 1 ()))) (newline)
(define-syntax my-lambda
  (syntax-rules ()
    ((_ (a . b) body) (lambda (a . b) body))))
(write ((my-lambda (x . more) (list x more)) 1 2 3)) (newline)
