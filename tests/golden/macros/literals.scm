; Literals match the same identifier with the same meaning (free-identifier=?):
; a locally rebound => or else is an ordinary identifier.
(import (scheme base) (scheme write))
(define-syntax arrow
  (syntax-rules (=>)
    ((_ a => b) (list 'arrow a b))
    ((_ a b c) (list 'plain a b c))))
(write (arrow 1 => 2)) (newline)
(write (arrow 1 2 3)) (newline)
(let ((=> 'bound)) (write (arrow 1 => 2)) (newline))
(define-syntax is-else
  (syntax-rules (else)
    ((_ else) #t)
    ((_ other) #f)))
(write (list (is-else else) (is-else 'else) (is-else x))) (newline)
(let ((else 1)) (write (is-else else)) (newline))
(define-syntax for
  (syntax-rules (in from to)
    ((_ x in lst body ...) (for-each (lambda (x) body ...) lst))
    ((_ x from a to b body ...) (do ((x a (+ x 1))) ((> x b)) body ...))))
(for e in '(a b c) (write e))
(for n from 1 to 5 (write n))
(newline)
