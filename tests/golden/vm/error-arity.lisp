;; Calling a known procedure or operator with the wrong number of
;; arguments is a compile-time error.
(define (add a b) (+ a b))
(print (add 1))
(add 1 2 3)
(print (% 7 2 1))
(mem-read)
