; hash-table-ref of a missing key without a failure thunk is an error.
(define h (make-hash-table))
(hash-table-set! h "present" 1)
(display (hash-table-ref h "present"))
(newline)
(display (hash-table-ref h "absent"))
(newline)
