; hash-table-update! of a missing key needs a default thunk.
(define h (make-hash-table eqv?))
(hash-table-update! h 7 (lambda (v) (+ v 1)))
