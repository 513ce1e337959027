; hash-table-ref's optional failure thunk and success procedure; a missing
; key without a thunk is an error that guard can catch.
(define h (alist->hash-table '((x . 10))))
(display (hash-table-ref h 'x (lambda () 'no))) (newline)
(display (hash-table-ref h 'y (lambda () 'no))) (newline)
(display (hash-table-ref h 'x (lambda () 'no) (lambda (v) (* v 2)))) (newline)
(display (hash-table-ref h 'y (lambda () 'no) (lambda (v) (* v 2)))) (newline)
(display (guard (e ((error-object? e) (error-object-irritants e)))
  (hash-table-ref h 'y)))
(newline)
(display (guard (e (#t 'caught))
  (hash-table-update! h 'nope (lambda (v) v))))
(newline)
(display (hash-table-ref/default h 'y #f)) (newline)
