; Malformed cond forms: no clauses, a clause that is not a list, else not last, an empty else.
(define (f x) (cond))
(define (g x) (cond 5))
(define (h x) (cond (else 1) ((> x 0) 2)))
(define (k x) (cond ((> x 0) 1) (else)))
