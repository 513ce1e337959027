; An ellipsis may follow any element of a list pattern, with elements
; after it, and match zero items.
(import (scheme base) (scheme write))
(define-syntax split-last-two
  (syntax-rules ()
    ((_ a ... b c) '((a ...) b c))))
(write (split-last-two 1 2 3 4 5)) (newline)
(write (split-last-two 1 2)) (newline)
(define-syntax first-rest-last
  (syntax-rules ()
    ((_ first middle ... last) (list first '(middle ...) last))))
(write (first-rest-last 1 2 3 4)) (newline)
(write (first-rest-last 1 2)) (newline)
(define-syntax my-let
  (syntax-rules ()
    ((_ ((name val) ...) body1 body2 ...) ((lambda (name ...) body1 body2 ...) val ...))))
(write (my-let ((x 1) (y 2)) (+ x y))) (newline)
(write (my-let () 'empty)) (newline)
