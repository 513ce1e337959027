;;; R7RS 3 Basic concepts: 3.1 variables and regions, 3.2 disjointness of
;;; types, 3.3 external representations, 3.5 proper tail recursion (a
;;; million iterations through each kind of tail context).
(import (scheme base) (scheme write) (scheme lazy) (scheme case-lambda))

(define (type-of obj)
  ;; every predicate of 3.2 that holds for obj
  (let loop ((preds (list (cons 'boolean boolean?) (cons 'bytevector bytevector?) (cons 'char char?)
                          (cons 'eof-object eof-object?) (cons 'null null?) (cons 'number number?)
                          (cons 'pair pair?) (cons 'procedure procedure?) (cons 'string string?)
                          (cons 'symbol symbol?) (cons 'vector vector?)))
             (acc '()))
    (cond ((null? preds) (reverse acc))
          (((cdar preds) obj) (loop (cdr preds) (cons (caar preds) acc)))
          (else (loop (cdr preds) acc)))))
(define-record-type thing (make-thing) thing?)
(define n 1000000)

;; 3.1 Variables, syntactic keywords, and regions
(check "3.1 region of a let" (lambda () (let ((v 'outer)) (list (let ((v 'inner)) v) v))) '(inner outer))
(check "3.1 lambda parameter shadows a global" (lambda () ((lambda (n) n) 5)) 5)
(check "3.1 keyword names can be variables" (lambda () (let ((if list) (quote 1)) (if quote 2))) '(1 2))
(check "3.1 a variable named like a procedure" (lambda () (let ((list 3)) list)) 3)
(check "3.1 shadowing a keyword ends with its region"
       (lambda () (list (let ((and (lambda args 'proc))) (and #f #f)) (and #f 'x)))
       '(proc #f))

;; 3.2 Disjointness of types
(check "3.2 boolean" (lambda () (type-of #f)) '(boolean))
(check "3.2 bytevector" (lambda () (type-of (bytevector 1))) '(bytevector))
(check "3.2 char" (lambda () (type-of #\a)) '(char))
(check "3.2 eof-object" (lambda () (type-of (eof-object))) '(eof-object))
(check "3.2 null" (lambda () (type-of '())) '(null))
(check "3.2 number" (lambda () (map type-of (list 1 1/2 1.5 (expt 2 100)))) '((number) (number) (number) (number)))
(check "3.2 pair" (lambda () (type-of '(1))) '(pair))
(check "3.2 procedure" (lambda () (map type-of (list car (lambda () 1) (case-lambda ((a) a)) (make-parameter 1)))) '((procedure) (procedure) (procedure) (procedure)))
(check "3.2 string" (lambda () (type-of "s")) '(string))
(check "3.2 symbol" (lambda () (type-of 's)) '(symbol))
(check "3.2 vector" (lambda () (type-of (vector))) '(vector))
(check "3.2 records are none of the standard types" (lambda () (type-of (make-thing))) '())
(check "3.2 promises are none of the standard types" (lambda () (type-of (delay 1))) '())
(check "3.2 empty string, vector and bytevector" (lambda () (map type-of (list "" (vector) (bytevector)))) '((string) (vector) (bytevector)))

;; 3.3 External representations
(check "3.3 the same integer in several notations" (lambda () (list 28 #e28.000 #x1c 56/2)) '(28 28 28 28))
(check "3.3 (+ 2 6) as data" (lambda () (let ((d '(+ 2 6))) (list (car d) (length d)))) '(+ 3))

;; 3.4 Storage model: every object lives as long as it can be reached, so
;; what a procedure builds stays intact after it returns, however it leaves.
(define kept '())
(define (keep! x) (set! kept (cons x kept)))
(define (build-list n) (let loop ((i n) (acc '())) (if (= i 0) acc (loop (- i 1) (cons i acc)))))
(define (make-adder-list) (let ((l (list 1 2 3))) (lambda (x) (map (lambda (e) (+ e x)) l))))
(check "3.4 list returned through frames" (lambda () (define (a) (b)) (define (b) (c)) (define (c) (list 'deep (vector 1 2))) (a)) '(deep #(1 2)))
(check "3.4 closures stored in a vector in a loop"
       (lambda () (let ((v (make-vector 3)))
                    (do ((i 0 (+ i 1))) ((= i 3)) (vector-set! v i (lambda () (list i))))
                    (map (lambda (f) (f)) (vector->list v))))
       '((0) (1) (2)))
(check "3.4 fresh list stored into an outer pair"
       (lambda () (let ((outer (list 1))) (let ((inner (list 2 3))) (set-car! outer inner)) (car outer)))
       '(2 3))
(check "3.4 fresh vector stored into an outer vector"
       (lambda () (let ((outer (vector #f))) (let loop ((i 0)) (when (< i 3) (vector-set! outer 0 (vector i (list i))) (loop (+ i 1)))) outer))
       #(#(2 (2))))
(check "3.4 value stored in a global from a procedure"
       (lambda () (set! kept '()) (let ((f (lambda (n) (keep! (list n (string #\a)))))) (f 1) (f 2)) kept)
       '((2 "a") (1 "a")))
(check "3.4 closure over a local list used later" (lambda () ((make-adder-list) 10)) '(11 12 13))
(check "3.4 list passed out by a continuation"
       (lambda () (call/cc (lambda (k) (let ((l (list 1 (list 2)))) (k l) 'not-here))))
       '(1 (2)))
(check "3.4 list raised from deep inside"
       (lambda () (guard (e (#t e)) (let loop ((i 0)) (if (= i 100) (raise (list 'at i (vector i))) (+ 1 (loop (+ i 1)))))))
       '(at 100 #(100)))
(check "3.4 promise forced after its frame returned"
       (lambda () (let ((p (let ((l (list 'x 'y))) (delay (cons 'forced l))))) (force p)))
       '(forced x y))
(check "3.4 record holding local data returned"
       (lambda () (define-record-type cell (make-cell v) cell? (v cell-v))
                  (define (mk) (let ((data (list 1 2))) (make-cell (cons 0 data))))
                  (cell-v (mk)))
       '(0 1 2))
(check "3.4 named-let procedure escaping its loop"
       (lambda () (let ((f (let loop ((i 0)) (if (= i 0) loop (list 'called i))))) (f 5)))
       '(called 5))
(check "3.4 many short-lived lists, the kept one intact"
       (lambda () (let loop ((i 0) (keep #f))
                    (if (= i 100000) keep (loop (+ i 1) (let ((l (build-list 5))) (if (= i 777) l keep))))))
       '(1 2 3 4 5))
(check "3.4 list built by a closure in a loop survives"
       (lambda () (let ((acc '()))
                    (for-each (lambda (i) (let ((pair (cons i (list (* i i))))) (set! acc (cons pair acc)))) '(1 2 3))
                    acc))
       '((3 9) (2 4) (1 1)))
(check "3.4 string built locally and returned" (lambda () (let ((s (make-string 3 #\a))) (string-set! s 1 #\b) s)) "aba")
(check "3.4 parameter holding local data"
       (lambda () (let ((p (make-parameter #f)))
                    (define (set-and-read) (parameterize ((p (list 'local (vector 1)))) (list (p))))
                    (set-and-read)))
       '((local #(1))))
(check "3.4 handler returning local data"
       (lambda () (with-exception-handler (lambda (e) (list 'handled e (list 1 2))) (lambda () (raise-continuable (vector 'c)))))
       '(handled #(c) (1 2)))

;; 3.5 Proper tail recursion
(check "3.5 self tail call" (lambda () (let loop ((i 0)) (if (= i n) i (loop (+ i 1))))) n)
(check "3.5 tail call in cond"
       (lambda () (let loop ((i 0)) (cond ((= i n) 'done) ((odd? i) (loop (+ i 1))) (else (loop (+ i 1))))))
       'done)
(check "3.5 tail call through cond =>"
       (lambda () (let loop ((i 0)) (cond ((= i n) 'done) ((+ i 1) => loop))))
       'done)
(check "3.5 tail call in case" (lambda () (let loop ((i 0)) (case (if (= i n) 'stop 'go) ((stop) 'done) (else (loop (+ i 1)))))) 'done)
(check "3.5 tail call in and" (lambda () (let loop ((i 0)) (and (< i (+ n 1)) (or (= i n) (loop (+ i 1)))))) #t)
(check "3.5 tail call in or" (lambda () (let loop ((i 0)) (or (= i n) (loop (+ i 1))))) #t)
(check "3.5 tail call in when and unless"
       (lambda () (let loop ((i 0)) (when (< i n) (unless (> i n) (loop (+ i 1))))) 'done)
       'done)
(check "3.5 tail call in let, let*, letrec bodies"
       (lambda () (let loop ((i 0)) (if (= i n) 'done (let ((j (+ i 1))) (let* ((k j)) (letrec ((m k)) (loop m)))))))
       'done)
(check "3.5 tail call in begin" (lambda () (let loop ((i 0)) (if (= i n) 'done (begin 'ignored (loop (+ i 1)))))) 'done)
(check "3.5 mutual tail calls"
       (lambda () (letrec ((ping (lambda (i) (if (= i n) 'ping (pong (+ i 1)))))
                           (pong (lambda (i) (if (= i n) 'pong (ping (+ i 1))))))
                    (ping 0)))
       'ping)
(check "3.5 tail call through apply" (lambda () (let loop ((i 0)) (if (= i n) 'done (apply loop (list (+ i 1)))))) 'done)
(check "3.5 tail call to an unknown procedure"
       (lambda () (let ((f #f))
                    (set! f (lambda (i) (if (= i n) 'done (f (+ i 1)))))
                    (f 0)))
       'done)
(check "3.5 tail call through a procedure argument"
       (lambda () (define (trampoline k i) (if (= i n) 'done (k k (+ i 1)))) (trampoline trampoline 0))
       'done)
(check "3.5 tail call in case-lambda"
       (lambda () (letrec ((f (case-lambda ((i) (f i 'x)) ((i tag) (if (= i n) tag (f (+ i 1))))))) (f 0)))
       'x)
(check "3.5 tail call in do result" (lambda () (let loop ((i 0)) (do ((j 0 (+ j 1))) ((= j 1) (if (= i n) 'done (loop (+ i 1))))))) 'done)
(check "3.5 tail call in let-values body"
       (lambda () (let loop ((i 0)) (if (= i n) 'done (let-values (((a b) (values i 1))) (loop (+ a b))))))
       'done)
(check "3.5 tail call in guard body is not required, but a loop inside one works"
       (lambda () (guard (e (#t 'caught)) (let loop ((i 0)) (if (= i n) 'done (loop (+ i 1))))))
       'done)
(check "3.5 tail call in a parameterize body loop"
       (lambda () (let ((p (make-parameter 0))) (parameterize ((p 1)) (let loop ((i 0)) (if (= i n) (p) (loop (+ i 1)))))))
       1)
(check "3.5 tail call in a closure returned by a closure"
       (lambda () (define (make-counter limit) (lambda (self i) (if (= i limit) i (self self (+ i 1)))))
                  (let ((c (make-counter n))) (c c 0)))
       n)
(check "3.5 tail calls through call/cc"
       (lambda () (let loop ((i 0)) (if (= i n) 'done (call/cc (lambda (k) (loop (+ i 1)))))))
       'done)
(check "3.5 tail call through dynamic-wind thunk is not required; a loop in one works"
       (lambda () (dynamic-wind (lambda () #f) (lambda () (let loop ((i 0)) (if (= i n) 'done (loop (+ i 1))))) (lambda () #f)))
       'done)
