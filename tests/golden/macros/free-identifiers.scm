; A macro's free identifiers mean what they meant where the macro was
; defined, even when the use site shadows them: if, list, cons, a global
; helper, and else inside a cond the macro writes.
(import (scheme base) (scheme write))
(define (helper x) (* x 10))
(define-syntax pair-up
  (syntax-rules ()
    ((_ a b) (if #t (list (helper a) (cons a b)) 'unreachable))))
(define-syntax choose
  (syntax-rules ()
    ((_ c a b) (cond (c a) (else b)))))
(let ((if (lambda args 'user-if))
      (list vector)
      (cons +)
      (helper -))
  (write (pair-up 1 2)) (newline)
  (write (list 1 2)) (newline)
  (write (helper 3)) (newline))
(let ((else #f))
  (write (choose #f 'first 'second)) (newline))
(define (f list) (pair-up list 'x))
(write (f 4)) (newline)
