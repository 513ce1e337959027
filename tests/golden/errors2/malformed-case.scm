; Malformed case forms: no clauses, data that are not a list, a clause with no expression, else not last.
(define (f x) (case x))
(define (g x) (case x (1 'one)))
(define (h x) (case x ((1))))
(define (k x) (case x (else 'other) ((1) 'one)))
