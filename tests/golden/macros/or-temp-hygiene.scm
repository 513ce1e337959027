; my-or keeps the first operand in a temporary t: a user variable t passed
; in later operands still means the user's t.
(import (scheme base) (scheme write))
(define-syntax my-or
  (syntax-rules ()
    ((_) #f)
    ((_ e) e)
    ((_ e r ...) (let ((t e)) (if t t (my-or r ...))))))
(define t 5)
(write (my-or #f t)) (newline)
(let ((t 7))
  (write (my-or #f #f t)) (newline)
  (write (my-or t 'never)) (newline))
(write (my-or)) (newline)
(write (my-or (memv 3 '(1 2 3 4)) 'no)) (newline)
; each operand is evaluated at most once
(define n 0)
(define (bump!) (set! n (+ n 1)) n)
(write (list (my-or (bump!) (bump!)) n)) (newline)
