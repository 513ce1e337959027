; Vector patterns, with an ellipsis and items after it, and vector templates.
(import (scheme base) (scheme write))
(define-syntax vec-swap
  (syntax-rules ()
    ((_ #(a b)) #(b a))))
(write (vec-swap #(1 2))) (newline)
(define-syntax vec-ends
  (syntax-rules ()
    ((_ #(first mid ... last)) (list first (vector mid ...) last))))
(write (vec-ends #(1 2 3 4))) (newline)
(write (vec-ends #(1 2))) (newline)
(define-syntax vec-or-list
  (syntax-rules ()
    ((_ #(x ...)) '(vector x ...))
    ((_ (x ...)) '(list x ...))))
(write (list (vec-or-list #(1 2)) (vec-or-list (3 4)))) (newline)
(define-syntax nested-vec
  (syntax-rules ()
    ((_ #((k v) ...)) '#((v k) ...))))
(write (nested-vec #((a 1) (b 2)))) (newline)
