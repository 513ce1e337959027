; _ matches anything and binds nothing, in any position, any number of times.
(import (scheme base) (scheme write))
(define-syntax second
  (syntax-rules ()
    ((_ _ x . _) 'x)))
(write (second a b c d)) (newline)
(write (second a b)) (newline)
(define-syntax count-skip
  (syntax-rules ()
    ((_) 0)
    ((_ _ rest ...) (+ 1 (count-skip rest ...)))))
(write (count-skip p q r)) (newline)
(define-syntax ignore-shape
  (syntax-rules ()
    ((_ (_ _) x) 'x)
    ((_ _ x) '(other x))))
(write (list (ignore-shape (1 2) a) (ignore-shape 3 b))) (newline)
