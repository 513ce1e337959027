;;; R7RS 4.2 Derived expression types: conditionals, binding constructs,
;;; sequencing, iteration, delayed evaluation, dynamic bindings, exception
;;; handling (guard), quasiquotation, case-lambda. (cond-expand, 4.2.1:
;;; 4.2.1-cond-expand.scm.)
(import (scheme base) (scheme write) (scheme lazy) (scheme case-lambda))

;; 4.2.1 cond
(check "4.2.1 cond first true clause" (lambda () (cond ((> 3 2) 'greater) ((< 3 2) 'less))) 'greater)
(check "4.2.1 cond second clause" (lambda () (cond ((> 3 3) 'greater) ((< 3 3) 'less) (else 'equal))) 'equal)
(check "4.2.1 cond =>" (lambda () (cond ((assv 'b '((a 1) (b 2))) => cadr) (else #f))) 2)
(check "4.2.1 cond test value without body" (lambda () (cond ((assv 'b '((a 1) (b 2)))) (else #f))) '(b 2))
(check "4.2.1 cond body sequence" (lambda () (cond (#t 1 2 3))) 3)
(check "4.2.1 cond else body sequence" (lambda () (cond (#f 1) (else 2 3))) 3)
(check "4.2.1 cond tests in order"
       (lambda () (let ((seen '())) (cond ((begin (set! seen (cons 1 seen)) #f) 'a)
                                          ((begin (set! seen (cons 2 seen)) #t) 'b)
                                          ((begin (set! seen (cons 3 seen)) #t) 'c))
                   seen))
       '(2 1))
(check "4.2.1 cond non-boolean true" (lambda () (cond ('() 'empty-list-is-true) (else 'no))) 'empty-list-is-true)

;; 4.2.1 case
(check "4.2.1 case composite" (lambda () (case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite))) 'composite)
(check "4.2.1 case symbols" (lambda () (case (car '(c d)) ((a e i o u) 'vowel) ((w y) 'semivowel) (else => (lambda (x) x)))) 'c)
(check "4.2.1 case else" (lambda () (case 'z ((a) 1) (else 'other))) 'other)
(check "4.2.1 case clause =>" (lambda () (case 5 ((5) => (lambda (x) (* x x))) (else 0))) 25)
(check "4.2.1 case uses eqv? on chars" (lambda () (case #\b ((#\a) 1) ((#\b) 2) (else 3))) 2)
(check "4.2.1 case empty datum list never matches" (lambda () (case 1 (() 'none) (else 'else))) 'else)
(check "4.2.1 case body sequence" (lambda () (case 1 ((1) 'a 'b) (else 'c))) 'b)
(check "4.2.1 case key evaluated once"
       (lambda () (let ((n 0)) (case (begin (set! n (+ n 1)) n) ((5) 'five) ((6) 'six) (else n))))
       1)

;; 4.2.1 and, or
(check "4.2.1 and true" (lambda () (and (= 2 2) (> 2 1))) #t)
(check "4.2.1 and false" (lambda () (and (= 2 2) (< 2 1))) #f)
(check "4.2.1 and last value" (lambda () (and 1 2 'c '(f g))) '(f g))
(check "4.2.1 and empty" (lambda () (and)) #t)
(check "4.2.1 and stops at #f"
       (lambda () (let ((n 0)) (and #f (set! n 1)) n))
       0)
(check "4.2.1 or true" (lambda () (or (= 2 2) (> 2 1))) #t)
(check "4.2.1 or mixed" (lambda () (or (= 2 2) (< 2 1))) #t)
(check "4.2.1 or all false" (lambda () (or #f #f #f)) #f)
(check "4.2.1 or first true value" (lambda () (or (memq 'b '(a b c)) (/ 3 0))) '(b c))
(check "4.2.1 or empty" (lambda () (or)) #f)

;; 4.2.1 when, unless
(check "4.2.1 when true" (lambda () (when (= 1 1) 'a 'b)) 'b)
(check "4.2.1 when false runs nothing"
       (lambda () (let ((n 0)) (when (= 1 2) (set! n 1)) n))
       0)
(check "4.2.1 unless false" (lambda () (unless (= 1 2) 'a 'b)) 'b)
(check "4.2.1 unless true runs nothing"
       (lambda () (let ((n 0)) (unless (= 1 1) (set! n 1)) n))
       0)

;; 4.2.2 Binding constructs
(check "4.2.2 let" (lambda () (let ((x 2) (y 3)) (* x y))) 6)
(check "4.2.2 let inits in outer scope" (lambda () (let ((x 2) (y 3)) (let ((x 7) (z (+ x y))) (* z x)))) 35)
(check "4.2.2 let*" (lambda () (let ((x 2) (y 3)) (let* ((x 7) (z (+ x y))) (* z x)))) 70)
(check "4.2.2 let* empty" (lambda () (let* () 5)) 5)
(check "4.2.2 let* same name twice" (lambda () (let* ((x 1) (x (+ x 1))) x)) 2)
(check "4.2.2 letrec mutual recursion"
       (lambda ()
         (letrec ((even? (lambda (n) (if (zero? n) #t (odd? (- n 1)))))
                  (odd? (lambda (n) (if (zero? n) #f (even? (- n 1))))))
           (even? 88)))
       #t)
(check "4.2.2 letrec*"
       (lambda ()
         (letrec* ((p (lambda (x) (+ 1 (q (- x 1)))))
                   (q (lambda (y) (if (zero? y) 0 (+ 1 (p (- y 1))))))
                   (x (p 5))
                   (y x))
           y))
       5)
(check "4.2.2 let-values"
       (lambda () (let-values (((root rem) (exact-integer-sqrt 32))) (* root rem)))
       35)
(check "4.2.2 let-values rest formals"
       (lambda () (let-values (((a . rest) (values 1 2 3)) (all (values 4 5))) (list a rest all)))
       '(1 (2 3) (4 5)))
(check "4.2.2 let-values inits in outer scope"
       (lambda () (let ((a 'outer)) (let-values (((a) (values 1)) ((b) (values a))) (list a b))))
       '(1 outer))
(check "4.2.2 let*-values"
       (lambda () (let ((a 'a) (b 'b) (x 'x) (y 'y))
                    (let*-values (((a b) (values x y)) ((x y) (values a b)))
                      (list a b x y))))
       '(x y x y))
(check "4.2.2 let-values zero values" (lambda () (let-values ((() (values))) 'done)) 'done)

;; 4.2.3 Sequencing
(check "4.2.3 begin value" (lambda () (begin 1 2 (+ 1 2))) 3)
(check "4.2.3 begin order"
       (lambda () (let ((x 0)) (begin (set! x 5) (+ x 1))))
       6)

;; 4.2.4 Iteration
(check "4.2.4 do vector"
       (lambda () (do ((vec (make-vector 5)) (i 0 (+ i 1))) ((= i 5) vec) (vector-set! vec i i)))
       #(0 1 2 3 4))
(check "4.2.4 do sum"
       (lambda () (let ((x '(1 3 5 7 9))) (do ((x x (cdr x)) (sum 0 (+ sum (car x)))) ((null? x) sum))))
       25)
(check "4.2.4 do variable without step"
       (lambda () (do ((i 0 (+ i 1)) (acc '())) ((= i 3) acc) (set! acc (cons i acc))))
       '(2 1 0))
(check "4.2.4 do steps are simultaneous"
       (lambda () (do ((a 1 b) (b 2 a) (n 0 (+ n 1))) ((= n 3) (list a b))))
       '(2 1))
(check "4.2.4 do fresh binding per iteration"
       (lambda ()
         (let ((procs (do ((i 0 (+ i 1)) (ps '() (cons (lambda () i) ps))) ((= i 3) ps))))
           (map (lambda (p) (p)) procs)))
       '(2 1 0))
(check "4.2.4 named let"
       (lambda ()
         (let loop ((numbers '(3 -2 1 6 -5)) (nonneg '()) (neg '()))
           (cond ((null? numbers) (list nonneg neg))
                 ((>= (car numbers) 0) (loop (cdr numbers) (cons (car numbers) nonneg) neg))
                 ((< (car numbers) 0) (loop (cdr numbers) nonneg (cons (car numbers) neg))))))
       '((6 1 3) (-5 -2)))
(check "4.2.4 named let long loop"
       (lambda () (let loop ((i 0) (acc 0)) (if (= i 1000000) acc (loop (+ i 1) (+ acc 1)))))
       1000000)
(check "4.2.4 named let with no bindings" (lambda () (let loop () 5)) 5)
(check "4.2.4 named let name is local"
       (lambda () (let f ((n 3)) (if (= n 0) (procedure? f) (f (- n 1)))))
       #t)

;; 4.2.5 Delayed evaluation
(define (stream-range a b)
  (delay-force (if (>= a b) (delay '()) (delay (cons a (stream-range (+ a 1) b))))))
(check "4.2.5 force delay" (lambda () (force (delay (+ 1 2)))) 3)
(check "4.2.5 promise memoized" (lambda () (let ((p (delay (+ 1 2)))) (list (force p) (force p)))) '(3 3))
(check "4.2.5 delay runs once"
       (lambda () (let* ((n 0) (p (delay (begin (set! n (+ n 1)) n)))) (force p) (force p) n))
       1)
(check "4.2.5 delay is lazy"
       (lambda () (let* ((n 0) (p (delay (set! n 1)))) n))
       0)
(check "4.2.5 stream with delay-force"
       (lambda ()
         (let loop ((s (stream-range 0 5)) (acc '()))
           (let ((v (force s)))
             (if (null? v) (reverse acc) (loop (cdr v) (cons (car v) acc))))))
       '(0 1 2 3 4))
(check "4.2.5 delay-force deep chain"
       (lambda ()
         (define (loop n) (delay-force (if (= n 0) (delay 'bottom) (loop (- n 1)))))
         (force (loop 100000)))
       'bottom)
(check "4.2.5 make-promise" (lambda () (force (make-promise 'v))) 'v)
;; guile 3.0.8 wraps a promise again (R7RS: "If obj is already a promise, it is returned").
(check "4.2.5 make-promise of promise" (lambda () (let ((p (delay 1))) (eq? p (make-promise p)))) #t)
(check "4.2.5 promise?" (lambda () (list (promise? (delay 1)) (promise? (make-promise 1)) (promise? 1))) '(#t #t #f))
(check "4.2.5 reentrant force (R7RS example)"
       (lambda ()
         (define p-count 0)
         (define x 5)
         (define p (delay (begin (set! x (+ x 1)) (if (> x p-count) x (force p)))))
         (set! p-count 0)
         (list (force p) (begin (set! x 10) (force p))))
       '(6 6))

;; 4.2.6 Dynamic bindings
(define radix (make-parameter 10 (lambda (x) (if (and (exact-integer? x) (<= 2 x 16)) x (error "invalid radix")))))
(define (f12 n) (number->string n (radix)))
(check "4.2.6 parameter value" (lambda () (radix)) 10)
(check "4.2.6 parameter in procedure" (lambda () (f12 12)) "12")
(check "4.2.6 parameterize" (lambda () (parameterize ((radix 2)) (f12 12))) "1100")
(check "4.2.6 parameterize restores" (lambda () (parameterize ((radix 2)) 'x) (f12 12)) "12")
(check "4.2.6 converter applied to initial value"
       (lambda () (let ((p (make-parameter 5 (lambda (x) (* x 2))))) (p)))
       10)
(check "4.2.6 converter applied in parameterize"
       (lambda () (let ((p (make-parameter 5 (lambda (x) (* x 2))))) (parameterize ((p 7)) (p))))
       14)
(check-raise "4.2.6 converter error" (lambda () (parameterize ((radix 0)) (f12 12))) error-object?)
(check "4.2.6 converter not applied when restoring"
       (lambda () (let* ((n 0) (p (make-parameter 1 (lambda (x) (set! n (+ n 1)) x))))
                    (parameterize ((p 2)) 'body)
                    (list n (p))))
       '(2 1))
(check "4.2.6 parameterize evaluates all before binding"
       (lambda () (let ((a (make-parameter 1)) (b (make-parameter 2)))
                    (parameterize ((a (b)) (b (a))) (list (a) (b)))))
       '(2 1))
(check "4.2.6 nested parameterize"
       (lambda () (let ((p (make-parameter 1)))
                    (parameterize ((p 2)) (list (p) (parameterize ((p 3)) (p)) (p)))))
       '(2 3 2))
(check "4.2.6 parameterize restored by escape"
       (lambda () (let ((p (make-parameter 1)))
                    (call-with-current-continuation (lambda (k) (parameterize ((p 2)) (k 'out))))
                    (p)))
       1)
(check "4.2.6 parameterize restored after raise"
       (lambda () (let ((p (make-parameter 'outer)))
                    (guard (e (#t (p))) (parameterize ((p 'inner)) (raise 'oops)))))
       'outer)

;; 4.2.7 Exception handling
(check "4.2.7 guard assq clause"
       (lambda () (guard (condition ((assq 'a condition) => cdr) ((assq 'b condition)))
                    (raise (list (cons 'a 42)))))
       42)
(check "4.2.7 guard test value"
       (lambda () (guard (condition ((assq 'a condition) => cdr) ((assq 'b condition)))
                    (raise (list (cons 'b 23)))))
       '(b . 23))
(check "4.2.7 guard else" (lambda () (guard (e ((symbol? e) 'sym) (else 'other)) (raise 42))) 'other)
(check "4.2.7 guard no raise" (lambda () (guard (e (#t 'caught)) (+ 1 2))) 3)
(check "4.2.7 guard catches error" (lambda () (guard (e ((error-object? e) (error-object-message e))) (error "bad thing" 1 2))) "bad thing")
(check "4.2.7 guard re-raises to outer"
       (lambda () (guard (outer (#t (list 'outer outer)))
                    (guard (inner ((string? inner) 'string))
                      (raise 'sym))))
       '(outer sym))
(check "4.2.7 guard body sequence" (lambda () (guard (e (#t e)) 1 2 (raise 3) 4)) 3)
(check "4.2.7 guard clause body sequence" (lambda () (guard (e (#t 'a 'b)) (raise 1))) 'b)
(check "4.2.7 guard runs dynamic-wind after"
       (lambda ()
         (let ((log '()))
           (guard (e (#t (set! log (cons 'handler log))))
             (dynamic-wind (lambda () (set! log (cons 'before log)))
                           (lambda () (raise 'x))
                           (lambda () (set! log (cons 'after log)))))
           (reverse log)))
       '(before after handler))
(check "4.2.7 guard raise-continuable re-raised"
       (lambda () (with-exception-handler
                   (lambda (c) 10)
                   (lambda () (guard (e ((string? e) 'no)) (+ 1 (raise-continuable 'c))))))
       11)

;; 4.2.8 Quasiquotation
(check "4.2.8 quasiquote unquote" (lambda () `(list ,(+ 1 2) 4)) '(list 3 4))
(check "4.2.8 quasiquote local" (lambda () (let ((name 'a)) `(list ,name ',name))) '(list a (quote a)))
(check "4.2.8 unquote-splicing" (lambda () `(a ,(+ 1 2) ,@(map abs '(4 -5 6)) b)) '(a 3 4 5 6 b))
(check "4.2.8 unquote in dotted tail" (lambda () `((foo ,(- 10 3)) ,@(cdr '(c)) . ,(car '(cons)))) '((foo 7) . cons))
(check "4.2.8 vector quasiquote" (lambda () `#(10 5 ,(sqrt 4) ,@(map sqrt '(16 9)) 8)) '#(10 5 2 4 3 8))
;; R7RS's own example binds @baz, which its formal syntax (7.1.1) does not
;; allow as an identifier; this is the same check with a plain name.
(check "4.2.8 unquote and splice spacing" (lambda () (let ((foo '(foo bar)) (baz 'baz)) `(list ,@ foo , baz))) '(list foo bar baz))
(check "4.2.8 nested quasiquote"
       (lambda () `(a `(b ,(c) ,',(+ 1 2)) d))
       '(a `(b ,(c) ,'3) d))
(check "4.2.8 nested quasiquote with inner unquote"
       (lambda () (let ((name1 'x) (name2 'y)) `(a `(b ,,name1 ,',name2 d) e)))
       '(a `(b ,x ,'y d) e))
(check "4.2.8 splicing at depth two" (lambda () `(1 `(2 ,(3 ,@(list 4 5))))) '(1 `(2 ,(3 4 5))))
(check "4.2.8 splice before a dotted tail" (lambda () `(1 ,@'(2 3) . 4)) '(1 2 3 . 4))
(check "4.2.8 empty splice in a vector" (lambda () `#(1 ,@'() 2)) #(1 2))
(check "4.2.8 splice only" (lambda () `(,@(list 1 2))) '(1 2))
(check "4.2.8 long form" (lambda () (quasiquote (list (unquote (+ 1 2)) 4))) '(list 3 4))
(check "4.2.8 long form equals short" (lambda () (equal? '(quasiquote (list (unquote (+ 1 2)) 4)) '`(list ,(+ 1 2) 4))) #t)
(check "4.2.8 splice empty list" (lambda () `(1 ,@'() 2)) '(1 2))
(check "4.2.8 splice builds fresh list"
       (lambda () (let* ((tail (list 2 3)) (l `(1 ,@tail 4))) (set-car! (cdr l) 'x) tail))
       '(2 3))
(check "4.2.8 no unquote is like quote" (lambda () `(a b (c))) '(a b (c)))

;; 4.2.9 case-lambda
(define range
  (case-lambda
    ((e) (range 0 e))
    ((b e) (do ((r '() (cons e r)) (e (- e 1) (- e 1))) ((< e b) r)))))
(define plus
  (case-lambda
    (() 0)
    ((x) x)
    ((x y) (+ x y))
    ((x y z) (+ (+ x y) z))
    (args (apply + args))))
(check "4.2.9 case-lambda one" (lambda () (range 3)) '(0 1 2))
(check "4.2.9 case-lambda two" (lambda () (range 3 5)) '(3 4))
(check "4.2.9 case-lambda zero" (lambda () (plus)) 0)
(check "4.2.9 case-lambda three" (lambda () (plus 1 2 3)) 6)
(check "4.2.9 case-lambda rest clause" (lambda () (plus 1 2 3 4 5)) 15)
(check "4.2.9 case-lambda first match wins"
       (lambda () ((case-lambda ((a . rest) 'rest) ((a b) 'two)) 1 2))
       'rest)
