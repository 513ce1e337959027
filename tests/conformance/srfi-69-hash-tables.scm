;;; Hash tables with the SRFI 69 names of SPEC section 3 (not part of
;;; R7RS-small; eshkol's (scheme base) has them, guile imports (srfi 69)).
(import (scheme base) (scheme write) (srfi 69))

(define (sorted-numbers l)
  ;; insertion sort, so the checks do not depend on a sort procedure
  (let insert-all ((l l) (acc '()))
    (if (null? l)
        acc
        (insert-all (cdr l)
                    (let insert ((x (car l)) (s acc))
                      (cond ((null? s) (list x))
                            ((<= x (car s)) (cons x s))
                            (else (cons (car s) (insert x (cdr s))))))))))
(define (table-of . pairs)
  (let ((t (make-hash-table)))
    (for-each (lambda (p) (hash-table-set! t (car p) (cdr p))) pairs)
    t))

(check "srfi-69 hash-table?" (lambda () (list (hash-table? (make-hash-table)) (hash-table? '()) (hash-table? (vector)))) '(#t #f #f))
(check "srfi-69 set! and ref" (lambda () (let ((t (make-hash-table))) (hash-table-set! t 'a 1) (hash-table-ref t 'a))) 1)
(check "srfi-69 ref/default present and absent"
       (lambda () (let ((t (table-of '(a . 1)))) (list (hash-table-ref/default t 'a 0) (hash-table-ref/default t 'b 0))))
       '(1 0))
(check "srfi-69 ref with failure thunk" (lambda () (hash-table-ref (make-hash-table) 'missing (lambda () 'failed))) 'failed)
(check-raise "srfi-69 ref of missing key without thunk raises" (lambda () (hash-table-ref (make-hash-table) 'missing)) (lambda (e) #t))
(check "srfi-69 set! replaces" (lambda () (let ((t (table-of '(a . 1)))) (hash-table-set! t 'a 2) (list (hash-table-ref t 'a) (hash-table-size t)))) '(2 1))
(check "srfi-69 size" (lambda () (hash-table-size (table-of '(a . 1) '(b . 2) '(c . 3)))) 3)
(check "srfi-69 size of empty" (lambda () (hash-table-size (make-hash-table))) 0)
(check "srfi-69 exists?" (lambda () (let ((t (table-of '(a . #f)))) (list (hash-table-exists? t 'a) (hash-table-exists? t 'b)))) '(#t #f))
(check "srfi-69 delete!"
       (lambda () (let ((t (table-of '(a . 1) '(b . 2)))) (hash-table-delete! t 'a) (list (hash-table-exists? t 'a) (hash-table-size t) (hash-table-ref/default t 'b 0))))
       '(#f 1 2))
(check "srfi-69 delete! of missing key" (lambda () (let ((t (table-of '(a . 1)))) (hash-table-delete! t 'zzz) (hash-table-size t))) 1)
(check "srfi-69 update!" (lambda () (let ((t (table-of '(n . 1)))) (hash-table-update! t 'n (lambda (v) (+ v 10))) (hash-table-ref t 'n))) 11)
(check "srfi-69 update! with default thunk" (lambda () (let ((t (make-hash-table))) (hash-table-update! t 'n (lambda (v) (+ v 1)) (lambda () 100)) (hash-table-ref t 'n))) 101)
(check "srfi-69 update!/default" (lambda () (let ((t (make-hash-table))) (hash-table-update!/default t 'c (lambda (v) (cons 'x v)) '()) (hash-table-update!/default t 'c (lambda (v) (cons 'y v)) '()) (hash-table-ref t 'c))) '(y x))
(check "srfi-69 keys" (lambda () (sorted-numbers (hash-table-keys (table-of '(3 . a) '(1 . b) '(2 . c))))) '(1 2 3))
(check "srfi-69 values" (lambda () (sorted-numbers (hash-table-values (table-of '(a . 30) '(b . 10) '(c . 20))))) '(10 20 30))
(check "srfi-69 ->alist"
       (lambda () (let ((al (hash-table->alist (table-of '(1 . one) '(2 . two)))))
                    (list (length al) (cdr (assv 1 al)) (cdr (assv 2 al)))))
       '(2 one two))
(check "srfi-69 walk" (lambda () (let ((sum 0)) (hash-table-walk (table-of '(a . 1) '(b . 2) '(c . 3)) (lambda (k v) (set! sum (+ sum v)))) sum)) 6)
(check "srfi-69 equal? keys: strings" (lambda () (let ((t (make-hash-table))) (hash-table-set! t (string #\a #\b) 1) (hash-table-ref/default t "ab" 0))) 1)
(check "srfi-69 equal? keys: lists and vectors"
       (lambda () (let ((t (make-hash-table)))
                    (hash-table-set! t (list 1 2 (vector 3)) 'list)
                    (hash-table-set! t (vector "x" 'y) 'vector)
                    (list (hash-table-ref/default t '(1 2 #(3)) #f) (hash-table-ref/default t (vector "x" 'y) #f))))
       '(list vector))
(check "srfi-69 equal? keys: numbers"
       (lambda () (let ((t (make-hash-table)))
                    (hash-table-set! t (expt 10 30) 'big) (hash-table-set! t 1/3 'ratio) (hash-table-set! t 2.5 'flo) (hash-table-set! t 7 'fix)
                    (map (lambda (k) (hash-table-ref/default t k #f)) (list (* (expt 10 15) (expt 10 15)) (/ 2 6) 2.5 7 7.0))))
       '(big ratio flo fix #f))
(check "srfi-69 equal? keys: chars and symbols"
       (lambda () (let ((t (table-of (cons #\a 'char) (cons 'a 'symbol) (cons "a" 'string))))
                    (map (lambda (k) (hash-table-ref/default t k #f)) (list #\a 'a "a" (string->symbol "a")))))
       '(char symbol string symbol))
(check "srfi-69 eq? table"
       (lambda () (let ((t (make-hash-table eq?)) (k (list 1)))
                    (hash-table-set! t k 'identity) (hash-table-set! t 'sym 'symbol)
                    (list (hash-table-ref/default t k #f) (hash-table-ref/default t (list 1) #f) (hash-table-ref/default t 'sym #f))))
       '(identity #f symbol))
(check "srfi-69 eqv? table"
       (lambda () (let ((t (make-hash-table eqv?)))
                    (hash-table-set! t (expt 2 100) 'big) (hash-table-set! t "s" 'string)
                    (list (hash-table-ref/default t (expt 2 100) #f) (hash-table-ref/default t (string #\s) #f))))
       '(big #f))
(check "srfi-69 string=? table" (lambda () (let ((t (make-hash-table string=?))) (hash-table-set! t "key" 1) (hash-table-ref/default t (string-copy "key") 0))) 1)
(check "srfi-69 growth: 100000 entries"
       (lambda () (let ((t (make-hash-table)))
                    (do ((i 0 (+ i 1))) ((= i 100000)) (hash-table-set! t i (* i i)))
                    (list (hash-table-size t) (hash-table-ref t 99999) (hash-table-ref/default t 100000 'none))))
       '(100000 9999800001 none))
(check "srfi-69 growth with string keys"
       (lambda () (let ((t (make-hash-table)))
                    (do ((i 0 (+ i 1))) ((= i 20000)) (hash-table-set! t (number->string i) i))
                    (do ((i 0 (+ i 2))) ((>= i 20000)) (hash-table-delete! t (number->string i)))
                    (list (hash-table-size t) (hash-table-ref/default t "19999" #f) (hash-table-ref/default t "19998" #f))))
       '(10000 19999 #f))
(check "srfi-69 mutable values are the same object" (lambda () (let ((t (make-hash-table)) (v (vector 1))) (hash-table-set! t 'v v) (eq? v (hash-table-ref t 'v)))) #t)
