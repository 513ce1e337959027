; define-syntax in bodies: local to the body, usable in procedures of the
; body defined before it, and able to expand into the body's definitions.
(import (scheme base) (scheme write))
(define (f)
  (define (use-later) (square-it 5))
  (define-syntax square-it (syntax-rules () ((_ x) (* x x))))
  (use-later))
(write (f)) (newline)
(define (g n)
  (define-syntax def-double
    (syntax-rules () ((_ name v) (define name (* 2 v)))))
  (def-double d1 n)
  (def-double d2 d1)
  (list d1 d2))
(write (g 3)) (newline)
(define (h)
  (define-syntax when-positive
    (syntax-rules () ((_ x body ...) (if (> x 0) (begin body ...) 'not-positive))))
  (list (when-positive 1 'yes) (when-positive -1 'yes)))
(write (h)) (newline)
; a local macro shadows a global procedure only inside its body
(define (k)
  (define-syntax list (syntax-rules () ((_ a ...) (vector a ...))))
  (list 1 2))
(write (k)) (write (list 1 2)) (newline)
(lambda () (define-syntax unused (syntax-rules () ((_) 1))) 'ok)
(write ((lambda () (define-syntax seven (syntax-rules () ((_) 7))) (seven)))) (newline)
