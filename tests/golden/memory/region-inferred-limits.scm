;;; gcstress: 1000 a recursion 100,000 deep that allocates: each collection scans the whole stack
;;; Region inference (compiler/regions.cpp) at its limits: every call
;;; marked "inferred region" gets one (tests/golden/memory/
;;; region-inferred-sites.scm shows which calls do).

;; reverse! and append-reverse! give older pairs younger cdrs: the store
;; check must see those writes, or the region frees what old reaches.
(define old (list 'a))
(define (rev-onto n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        (begin (append-reverse! old acc) (length acc))
        (loop (+ i 1) (cons (list i) acc)))))
(display (+ 0 (rev-onto 3)))                   ; inferred region
(newline)
(define o1 (list 'o1))
(define o2 (list 'o2))
(define (rev-in-place n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        (begin (set-cdr! o1 (cons acc o2)) (reverse! o1) (length acc))
        (loop (+ i 1) (cons (list i) acc)))))
(display (+ 0 (rev-in-place 3)))               ; inferred region
(newline)
(define (churn n)                              ; garbage for the freed blocks
  (let loop ((i 0) (acc '()))
    (if (= i n) (length acc) (loop (+ i 1) (cons (make-vector 4 i) acc)))))
(display (+ 0 (churn 1000)))                   ; inferred region
(newline)
(write old)
(newline)
(write o2)
(newline)

;; A let moves into a region with its one use only when nothing with an
;; effect comes before that use: the order of what is printed is kept.
(define (build n)
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (cons (list i) acc)))))
(define (tick x) (display "tick ") (display x) (newline) x)
(define (noisy n) (display "noisy ") (display n) (newline) (length (build n)))
(define (ordered)
  (let ((d (build 3)))
    (+ (tick 1) (noisy (length d)))))
(display (ordered))                            ; 1 + 3
(newline)

;; A procedure passed as a value may come back through a call nobody
;; knows: no region per level of this recursion (100,000 deep).
(define (sum-over f l)
  (let loop ((l l) (s 0))
    (if (null? l) s (loop (cdr l) (+ s (f (car (list (car l))) f))))))
(define (depth t self)
  (if (pair? t) (+ 1 (sum-over self t)) 0))
(define (chain n)
  (let loop ((i 0) (t '())) (if (= i n) t (loop (+ i 1) (list t)))))
(display (depth (chain 100000) depth))
(newline)
