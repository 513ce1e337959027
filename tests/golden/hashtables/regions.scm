; Hash tables and regions: keys and values made inside a with-region and
; stored in an older table survive the region; a table made inside one and
; returned keeps its contents; growth inside a region keeps the table's
; storage with the table; keys hashed by identity are found after they move.
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(define (sorted-keys h) (list-sort < (hash-table-keys h)))

; an equal? table of the root region, filled inside regions
(define words (make-hash-table))
(with-region
  (do ((i 0 (+ i 1))) ((= i 3000))
    (hash-table-set! words (number->string i) (list i (* i i))))
  'filled)
(display (hash-table-size words)) (newline)
(display (hash-table-ref words "2999")) (newline)
(display (hash-table-ref/default words "3000" 'none)) (newline)
(with-region
  (hash-table-update!/default words "10" (lambda (v) (cons 'updated v)) '())
  (hash-table-set! words (list "compound" (vector 1 2)) (string-append "val" "ue")))
(display (hash-table-ref words "10")) (newline)
(display (hash-table-ref words (list "compound" (vector 1 2)))) (newline)

; an eq? table keyed by records made in a region, also kept in a global list
(define by-identity (make-hash-table eq?))
(define kept '())
(with-region
  (do ((i 0 (+ i 1))) ((= i 100))
    (let ((p (make-point i (- i))))
      (set! kept (cons p kept))
      (hash-table-set! by-identity p i))))
(display (hash-table-size by-identity)) (newline)
(display (let loop ((l kept) (ok 0))
           (if (null? l) ok
               (loop (cdr l) (if (= (hash-table-ref by-identity (car l) (lambda () -1)) (point-x (car l))) (+ ok 1) ok)))))
(newline)
(display (hash-table-ref/default by-identity (make-point 1 -1) 'fresh-point-is-another-key)) (newline)

; a table made inside a region and returned from it
(define made
  (with-region
    (let ((h (make-hash-table eqv?)))
      (do ((i 0 (+ i 1))) ((= i 500)) (hash-table-set! h i (number->string i)))
      h)))
(display (hash-table-size made)) (newline)
(display (list (hash-table-ref made 0) (hash-table-ref made 499))) (newline)
(hash-table-set! made 500 "five hundred")
(display (hash-table-ref made 500)) (newline)

; nested regions: the inner one's keys go up one level, then to the root
(define nested (make-hash-table equal?))
(define inner-pairs
  (with-region
    (let ((local (make-hash-table eq?)) (shared (list 'shared 'key)))
      (with-region
        (hash-table-set! nested (list 'inner 1) 'one)
        (hash-table-set! local shared 'found))
      (list (hash-table-ref local shared) (hash-table-size local)))))
(display inner-pairs) (newline)
(display (hash-table-ref nested (list 'inner 1))) (newline)

; an eq? table made in a region and returned with its keys: the keys move
; with it, and are still found
(define made-eq
  (with-region
    (let ((h (make-hash-table eq?))
          (keys (map (lambda (i) (string #\k (integer->char (+ 65 i)))) (iota 20))))
      (for-each (lambda (k) (hash-table-set! h k (string->symbol k))) keys)
      (cons h keys))))
(display (map (lambda (k) (hash-table-ref/default (car made-eq) k 'lost)) (cdr made-eq))) (newline)
