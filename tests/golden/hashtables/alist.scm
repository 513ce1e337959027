; alist->hash-table: the first association of a key wins (SRFI 69).
(define h (alist->hash-table '((a . 1) (b . 2) (a . 3) ("s" . 4) ("s" . 5))))
(display (hash-table-ref h 'a)) (newline)
(display (hash-table-ref h "s")) (newline)
(display (hash-table-size h)) (newline)
(define q (alist->hash-table (list (cons (string #\x) 1) (cons (string #\x) 2)) eq?))
(display (hash-table-size q)) (newline)
(define ci (alist->hash-table '(("Key" . 1) ("KEY" . 2) ("other" . 3)) string-ci=?))
(display (hash-table-size ci)) (newline)
(display (hash-table-ref ci "key")) (newline)
(display (hash-table-size (alist->hash-table '()))) (newline)
; round trip
(define back (hash-table->alist (alist->hash-table '((1 . one) (2 . two) (3 . three)) eqv?)))
(display (list-sort (lambda (a b) (< (car a) (car b))) back)) (newline)
