;;; R7RS 4.1 Primitive expression types: variable references, literals,
;;; procedure calls, lambda, if, set!. (4.1.7 include: 4.1.7-include.scm.)
(import (scheme base) (scheme write))

;; 4.1.1 Variable references
(define x 28)
(define top-level-value 'top)
(check "4.1.1 global variable" (lambda () x) 28)
(check "4.1.1 local variable" (lambda () (let ((y 3)) y)) 3)
(check "4.1.1 shadowing" (lambda () (let ((x 1)) (let ((x 2)) x))) 2)
(check "4.1.1 inner scope ends" (lambda () (let ((x 1)) (let ((x 2)) x) x)) 1)
(check "4.1.1 global seen from procedure" (lambda () ((lambda () top-level-value))) 'top)

;; 4.1.2 Literal expressions
(check "4.1.2 quote symbol" (lambda () (quote a)) 'a)
(check "4.1.2 quote vector" (lambda () (quote #(a b c))) (vector 'a 'b 'c))
(check "4.1.2 quote list" (lambda () (quote (+ 1 2))) (list '+ 1 2))
(check "4.1.2 abbreviation symbol" (lambda () 'a) (string->symbol "a"))
(check "4.1.2 abbreviation vector" (lambda () '#(a b c)) (vector 'a 'b 'c))
(check "4.1.2 empty list" (lambda () '()) (list))
(check "4.1.2 abbreviation list" (lambda () '(+ 1 2)) (list '+ 1 2))
(check "4.1.2 quoted quote" (lambda () '(quote a)) (list 'quote 'a))
(check "4.1.2 double quote" (lambda () ''a) (list 'quote 'a))
(check "4.1.2 quoted string" (lambda () '"abc") "abc")
(check "4.1.2 string self-evaluates" (lambda () "abc") "abc")
(check "4.1.2 quoted number" (lambda () '145932) 145932)
(check "4.1.2 number self-evaluates" (lambda () 145932) 145932)
(check "4.1.2 quoted boolean" (lambda () '#t) #t)
(check "4.1.2 boolean self-evaluates" (lambda () #t) #t)
(check "4.1.2 char self-evaluates" (lambda () #\a) (integer->char 97))
(check "4.1.2 vector self-evaluates" (lambda () #(a 10)) (vector 'a 10))
(check "4.1.2 bytevector self-evaluates" (lambda () #u8(64 65)) (bytevector 64 65))
(check "4.1.2 dotted literal" (lambda () '(1 . 2)) (cons 1 2))
(check "4.1.2 nested literal" (lambda () '(a (b #(c (d))) "e")) (list 'a (list 'b (vector 'c (list 'd))) "e"))

;; 4.1.3 Procedure calls
(check "4.1.3 call" (lambda () (+ 3 4)) 7)
(check "4.1.3 operator is an expression" (lambda () ((if #f + *) 3 4)) 12)
(check "4.1.3 lambda in operator position" (lambda () ((lambda (a b) (- a b)) 10 4)) 6)
(check "4.1.3 procedure from a list" (lambda () ((car (list - +)) 10 4)) 6)
(check "4.1.3 zero arguments" (lambda () (+)) 0)
(check "4.1.3 arguments all evaluated"
       (lambda () (let ((n 0)) (list (begin (set! n (+ n 1)) n) (begin (set! n (+ n 1)) n)) n))
       2)

;; 4.1.4 Procedures
(define reverse-subtract (lambda (x y) (- y x)))
(define add4 (let ((x 4)) (lambda (y) (+ x y))))
(check "4.1.4 lambda applied" (lambda () ((lambda (x) (+ x x)) 4)) 8)
(check "4.1.4 lambda is a procedure" (lambda () (procedure? (lambda (x) (+ x x)))) #t)
(check "4.1.4 reverse-subtract" (lambda () (reverse-subtract 7 10)) 3)
(check "4.1.4 closure over let" (lambda () (add4 6)) 10)
(check "4.1.4 all-rest parameter" (lambda () ((lambda x x) 3 4 5 6)) '(3 4 5 6))
(check "4.1.4 all-rest with no arguments" (lambda () ((lambda x x))) '())
(check "4.1.4 dotted rest parameter" (lambda () ((lambda (x y . z) z) 3 4 5 6)) '(5 6))
(check "4.1.4 dotted rest empty" (lambda () ((lambda (x y . z) z) 3 4)) '())
(check "4.1.4 rest list is fresh"
       (lambda () (let ((f (lambda args (set-car! args 'changed) args))) (f 1 2)))
       '(changed 2))
(check "4.1.4 body sequence value" (lambda () ((lambda () 1 2 3))) 3)
(check "4.1.4 fresh location per call"
       (lambda ()
         (let ((make (lambda (n) (lambda () (set! n (+ n 1)) n))))
           (let ((a (make 10)) (b (make 20)))
             (a) (a) (b)
             (list (a) (b)))))
       '(13 22))
(check "4.1.4 closures share a variable"
       (lambda ()
         (let* ((n 0)
                (inc (lambda () (set! n (+ n 1))))
                (get (lambda () n)))
           (inc) (inc)
           (get)))
       2)
(check "4.1.4 lexical not dynamic scope"
       (lambda ()
         (let ((y 1))
           (let ((f (lambda () y)))
             (let ((y 2))
               (f)))))
       1)
(check "4.1.4 recursion through a global"
       (lambda () (letrec ((fact (lambda (n) (if (= n 0) 1 (* n (fact (- n 1))))))) (fact 10)))
       3628800)

;; 4.1.5 Conditionals
(check "4.1.5 if true" (lambda () (if (> 3 2) 'yes 'no)) 'yes)
(check "4.1.5 if false" (lambda () (if (> 2 3) 'yes 'no)) 'no)
(check "4.1.5 if expression branches" (lambda () (if (> 3 2) (- 3 2) (+ 3 2))) 1)
(check "4.1.5 only #f is false" (lambda () (list (if '() 'a 'b) (if 0 'a 'b) (if "" 'a 'b))) '(a a a))
(check "4.1.5 if without alternative, true" (lambda () (if #t 'only)) 'only)
(check "4.1.5 if evaluates one branch"
       (lambda () (let ((n 0)) (if #t (set! n 1) (set! n 2)) n))
       1)

;; 4.1.6 Assignments
(define assigned 2)
(check "4.1.6 before set!" (lambda () (+ assigned 1)) 3)
(check "4.1.6 set! global" (lambda () (set! assigned 4) (+ assigned 1)) 5)
(check "4.1.6 set! local" (lambda () (let ((v 1)) (set! v (* v 10)) v)) 10)
(check "4.1.6 set! parameter" (lambda () ((lambda (p) (set! p (+ p 1)) p) 41)) 42)
(check "4.1.6 set! captured variable seen by closure"
       (lambda () (let* ((v 1) (f (lambda () v))) (set! v 2) (f)))
       2)
