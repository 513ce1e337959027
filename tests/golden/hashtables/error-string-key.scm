; A string=? table takes only strings as keys.
(define h (make-hash-table string=?))
(hash-table-set! h "fine" 1)
(display (hash-table-ref h "fine"))
(newline)
(hash-table-set! h 'symbol 2)
