; Hash table procedures check their table argument.
(define not-a-table (list 1 2))
(hash-table-set! not-a-table 'k 'v)
