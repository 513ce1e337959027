; A hash function must return an exact non-negative integer.
(define h (make-hash-table (lambda (a b) (equal? a b)) (lambda (x . bound) -1)))
(hash-table-set! h 'key 'value)
