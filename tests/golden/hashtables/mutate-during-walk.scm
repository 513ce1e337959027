; A walk or fold whose procedure changes the table visits the associations
; that were there when it started, with the values they had then; the
; changes themselves all take effect.
(define h (make-hash-table))
(do ((i 0 (+ i 1))) ((= i 10)) (hash-table-set! h i (* i 10)))
(define visited 0)
(hash-table-walk h
  (lambda (k v)
    (set! visited (+ visited 1))
    (if (even? k) (hash-table-delete! h k))
    (hash-table-set! h (+ k 100) v)))
(display visited) (newline)
(display (hash-table-size h)) (newline)
(display (list-sort < (hash-table-keys h))) (newline)
; growing the table a lot from inside a walk
(define g (make-hash-table eqv?))
(hash-table-set! g 'start 0)
(hash-table-walk g (lambda (k v) (do ((i 0 (+ i 1))) ((= i 5000)) (hash-table-set! g i i))))
(display (hash-table-size g)) (newline)
; clearing it from inside a fold
(define sum (hash-table-fold g (lambda (k v acc) (hash-table-clear! g) (+ acc 1)) 0))
(display (list sum (hash-table-size g))) (newline)
; leaving a walk early with an escape
(define t (alist->hash-table '((a . 1) (b . 2) (c . 3))))
(display (call-with-current-continuation
          (lambda (k) (hash-table-walk t (lambda (key v) (if (= v 2) (k key)))) 'none)))
(newline)
