; Wrong argument counts to the hash table procedures are found at compile time.
(define h (make-hash-table))
(hash-table-set! h 'only-a-key)
(hash-table-ref h)
(make-hash-table equal? hash 'extra)
