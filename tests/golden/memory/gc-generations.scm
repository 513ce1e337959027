;;; gcstress: 40 each churn is 600,000 allocations: every 40th collects (every 16th collection major)
;; Generations: an object that survived a collection is old, and a minor
;; collection does not trace old objects, so a young object stored into an
;; old one lives only if the store reached the write barrier. Old
;; structures of every kind get young objects by every mutator there is,
;; then garbage churns through several minor collections (and majors), and
;; every young object is checked value by value. (docs/memory.md, "The
;; collector".)
(define (churn n)  ; garbage only: lists of at most 100 pairs
  (let loop ((i 0) (acc '()))
    (if (< i n) (loop (+ i 1) (if (= 0 (remainder i 100)) '() (cons i acc))) #t)))
(define (age!) (churn 300000) (churn 300000))  ; 19 MB: minor collections by the nursery
(define (iota* n) (let loop ((i (- n 1)) (acc '())) (if (< i 0) acc (loop (- i 1) (cons i acc)))))
(define (sum l) (let loop ((l l) (s 0)) (if (null? l) s (loop (cdr l) (+ s (car l))))))
(define (show . xs) (for-each (lambda (x) (write x) (display " ")) xs) (newline))

(define-record-type point (make-point x y) point? (x point-x set-point-x!) (y point-y set-point-y!))

;; the old structures
(define vec (make-vector 10 #f))
(define pair (cons #f #f))
(define table (make-hash-table))
(define rec (make-point #f #f))
(define lst (list 'a 'b 'c))
(define counter  ; set! of a captured variable: the variable is a box
  (let ((held #f))
    (lambda (msg . args) (if (eq? msg 'set) (set! held (car args)) held))))
(define out (open-output-string))
(define str (make-string 100 #\a))
(define alist (list (cons 'k #f)))
(write-string "old " out)
(age!)
(age!)

;; young objects go into them
(vector-set! vec 0 (iota* 1000))
(vector-set! vec 1 (make-string 50 #\y))
(vector-set! vec 2 (let ((c (list 1 2 3))) (set-cdr! (cddr c) c) c))  ; a young cycle
(vector-fill! vec (iota* 10) 5 7)
(vector-copy! vec 7 (vector (iota* 3) (iota* 4)))
(set-car! pair (iota* 500))
(set-cdr! pair (vector 'v (iota* 10)))
(hash-table-set! table 'k (iota* 300))
(do ((i 0 (+ i 1))) ((= i 200)) (hash-table-set! table i (list i (* i i))))  ; it grows
(hash-table-update!/default table 'u (lambda (old) (cons (iota* 20) old)) '())
(set-point-x! rec (iota* 400))
(set-point-y! rec (cons 'y (iota* 5)))
(counter 'set (iota* 600))
(set-cdr! (last-pair lst) (list-copy (iota* 100)))
(list-set! lst 1 (iota* 7))
(set-cdr! (car alist) (reverse! (iota* 30)))
(write-string (make-string 300 #\z) out)  ; the port's buffer grows: a young bytevector
(string-set! str 3 (integer->char 955))   ; the string widens: a young buffer
(with-region                              ; promoted into the root region at the exit
  (vector-set! vec 9 (list 'from-region (iota* 8))))
(age!)
(age!)
(age!)

;; every young object intact
(show (length (vector-ref vec 0)) (sum (vector-ref vec 0)))
(show (string-length (vector-ref vec 1)) (string-ref (vector-ref vec 1) 49))
(show (list-ref (vector-ref vec 2) 4) (eq? (vector-ref vec 2) (cdddr (vector-ref vec 2))))
(show (vector-ref vec 5) (vector-ref vec 6) (vector-ref vec 7) (vector-ref vec 8))
(show (vector-ref vec 9))
(show (sum (car pair)) (cdr pair))
(show (sum (hash-table-ref table 'k)) (hash-table-ref table 199) (hash-table-size table))
(show (hash-table-ref table 'u))
(show (sum (point-x rec)) (point-y rec))
(show (sum (counter 'get)))
(show (length lst) (list-ref lst 1) (sum (cdddr lst)))
(show alist)
(show (string-length (get-output-string out)) (substring (get-output-string out) 0 6))
(show (char->integer (string-ref str 3)) (string-ref str 2) (string-ref str 99))
