;; Malformed special forms, and definitions where they may not be.
(if 1)
(for (i 0) (print i))
(while)
(set 5 1)
(define x)
(define (f)
  (do
    (define (g) 1)
    (defmicro (m) 2)
    (include "x.lisp")
    3))
(print (f))
