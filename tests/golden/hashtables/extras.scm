; Beyond SRFI 69, from SRFI 125: hash-table-contains?, hash-table-clear!,
; hash-table-count with a predicate, hash-table-fold with the procedure
; first, hash-table-copy's mutable? argument; and SRFI 69's accessors for
; the procedures a table was made with.
(define h (alist->hash-table '((1 . one) (2 . two) (3 . three) (4 . four)) eqv?))
(display (hash-table-contains? h 3)) (newline)
(display (hash-table-contains? h 5)) (newline)
(display (hash-table-count h)) (newline)
(display (hash-table-count (lambda (k v) (even? k)) h)) (newline)
(display (hash-table-fold (lambda (k v acc) (+ k acc)) 100 h)) (newline)
(define c (hash-table-copy h #t))
(hash-table-clear! h)
(display (list (hash-table-size h) (hash-table-size c))) (newline)
(hash-table-set! h 9 'nine)
(display (hash-table->alist h)) (newline)
(display ((hash-table-equivalence-function c) 2.0 2.0)) (newline)
(display ((hash-table-equivalence-function (make-hash-table)) "a" "a")) (newline)
(define s (make-hash-table string=?))
(display (= ((hash-table-hash-function s) "key") (string-hash "key"))) (newline)
(define (my-hash x . bound) 0)
(display (eq? (hash-table-hash-function (make-hash-table equal? my-hash)) my-hash)) (newline)
; the built-in equivalences and hash functions are ordinary procedures too
(display (map (lambda (p) (p "x" (string #\x))) (list eq? eqv? equal? string=? string-ci=?)))
(newline)
(display (apply = (map (lambda (f) (f "abc" 1000)) (list hash equal-hash string-hash)))) (newline)
(display (= (eq-hash 'sym) (hash-by-identity 'sym))) (newline)
(display (= (eqv-hash (expt 3 50)) (eqv-hash (expt 3 50)))) (newline)
