; quote and quasiquote take exactly one datum.
(define a (quote))
(define b (quote x y))
(define c (quasiquote))
(define d (quasiquote (1 2) (3 4)))
