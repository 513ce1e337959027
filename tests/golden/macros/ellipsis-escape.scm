; (... ...) writes an ellipsis into the expansion: macros that define
; macros with ellipses.
(import (scheme base) (scheme write))
(define-syntax define-alias
  (syntax-rules ()
    ((_ new old) (define-syntax new (syntax-rules () ((_ args (... ...)) (old args (... ...))))))))
(define-alias plus +)
(define-alias make-list-of list)
(write (plus 1 2 3)) (newline)
(write (make-list-of 'a 'b)) (newline)
(define-syntax quote-dots
  (syntax-rules ()
    ((_ x) '(x (... ...) (... (a ...))))))
(write (quote-dots 7)) (newline)
(define-syntax define-collector
  (syntax-rules ()
    ((_ name tag)
     (define-syntax name
       (syntax-rules ()
         ((_ (k v) (... ...)) (list 'tag (cons 'k v) (... ...))))))))
(define-collector pairs-of record)
(write (pairs-of (a 1) (b 2))) (newline)
