; display and write show a hash table as #<hash-table>, alone or inside data.
(define h (make-hash-table))
(display h) (newline)
(write h) (newline)
(write (list h (vector h))) (newline)
(display (equal? h (make-hash-table))) (newline)
(display (equal? h h)) (newline)
(display (eqv? h (hash-table-copy h))) (newline)
