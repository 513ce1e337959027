;;; R7RS 5 Program structure: 5.3 variable definitions (top level, internal,
;;; define-values), 5.5 record-type definitions. 5.2 import sets are in
;;; 5.2-import.scm, 5.4 syntax definitions in 4.3-macros.scm; 5.6 libraries
;;; (define-library, found in files by name) are tested in tests/golden/library;
;;; 5.7 the REPL is outside what eshkolc compiles (whole programs).
(import (scheme base) (scheme write))

;; 5.3.1 Top level definitions
(define add3 (lambda (x) (+ x 3)))
(define first car)
(define (sum-list . nums) (apply + nums))
(define (head-and-rest a . rest) (list a rest))
(define counter 0)
(define (bump!) (set! counter (+ counter 1)) counter)
(check "5.3.1 define lambda" (lambda () (add3 3)) 6)
(check "5.3.1 define alias of a procedure" (lambda () (first '(1 2))) 1)
(check "5.3.1 define with all-rest formals" (lambda () (sum-list 1 2 3 4)) 10)
(check "5.3.1 define with dotted formals" (lambda () (head-and-rest 1 2 3)) '(1 (2 3)))
(check "5.3.1 define with dotted formals, no rest" (lambda () (head-and-rest 1)) '(1 ()))
(check "5.3.1 global mutated by procedure" (lambda () (bump!) (bump!) counter) 2)
(define defined-later-user (lambda () defined-later))
(define defined-later 'now-defined)
(check "5.3.1 forward reference from a procedure body" (lambda () (defined-later-user)) 'now-defined)
(define (top-even? n) (if (= n 0) #t (top-odd? (- n 1))))
(define (top-odd? n) (if (= n 0) #f (top-even? (- n 1))))
(check "5.3.1 mutually recursive top-level procedures" (lambda () (top-even? 1001)) #f)

;; 5.3.2 Internal definitions
(check "5.3.2 internal definitions (R7RS example)"
       (lambda ()
         (let ((x 5))
           (define foo (lambda (y) (bar x y)))
           (define bar (lambda (a b) (+ (* a b) a)))
           (foo (+ x 3))))
       45)
(check "5.3.2 internal define in lambda body"
       (lambda () ((lambda (n) (define (sq x) (* x x)) (sq n)) 7))
       49)
(check "5.3.2 internal defines are letrec*"
       (lambda () (let () (define a 1) (define b (+ a 1)) (define c (* b 10)) c))
       20)
(check "5.3.2 internal define shadows global"
       (lambda () (let () (define add3 (lambda (x) (- x 3))) (add3 3)))
       0)
(check "5.3.2 global unaffected by internal define" (lambda () (add3 3)) 6)
(check "5.3.2 internal mutual recursion"
       (lambda ()
         (define (ev? n) (if (= n 0) #t (od? (- n 1))))
         (define (od? n) (if (= n 0) #f (ev? (- n 1))))
         (list (ev? 10) (od? 7)))
       '(#t #t))
(check "5.3.2 internal define in let* body" (lambda () (let* ((a 2)) (define b (* a 3)) b)) 6)
(check "5.3.2 internal define in letrec body" (lambda () (letrec ((a 2)) (define b (+ a 3)) b)) 5)
(check "5.3.2 internal define in named let body"
       (lambda () (let loop ((i 0)) (define next (+ i 1)) (if (= next 3) i (loop next))))
       2)
(check "5.3.2 internal define in begin at body start"
       (lambda () (let () (begin (define a 1) (define b 2)) (+ a b)))
       3)
(check "5.3.2 internal define closure captures later definition"
       (lambda () (let () (define (get) later) (define later 'ok) (get)))
       'ok)
(check "5.3.2 internal define with set!"
       (lambda () (let () (define v 1) (set! v (+ v 1)) v))
       2)

;; 5.3.3 Multiple-value definitions
(define-values (root rem) (exact-integer-sqrt 17))
(define-values (dv-first . dv-rest) (values 1 2 3))
(define-values dv-all (values 'a 'b))
(check "5.3.3 define-values" (lambda () (list root rem)) '(4 1))
(check "5.3.3 define-values dotted" (lambda () (list dv-first dv-rest)) '(1 (2 3)))
(check "5.3.3 define-values all-rest" (lambda () dv-all) '(a b))
(check "5.3.3 define-values internal (R7RS example)"
       (lambda () (let () (define-values (x y) (exact-integer-sqrt 17)) (list x y)))
       '(4 1))
(check "5.3.3 define-values internal sum"
       (lambda () (let () (define-values (x y) (values 1 2)) (+ x y)))
       3)
(check "5.3.3 define-values with no values"
       (lambda () (let () (define-values () (values)) 'empty))
       'empty)

;; 5.5 Record-type definitions
(define-record-type <pare>
  (kons x y)
  pare?
  (x kar set-kar!)
  (y kdr))
(define-record-type point
  (make-point y x)
  point?
  (x point-x set-point-x!)
  (y point-y set-point-y!)
  (tag point-tag set-point-tag!))
(define-record-type <empty-record> (make-empty-record) empty-record?)
(check "5.5 predicate true" (lambda () (pare? (kons 1 2))) #t)
(check "5.5 predicate false on pair" (lambda () (pare? (cons 1 2))) #f)
(check "5.5 accessor kar" (lambda () (kar (kons 1 2))) 1)
(check "5.5 accessor kdr" (lambda () (kdr (kons 1 2))) 2)
(check "5.5 modifier" (lambda () (let ((k (kons 1 2))) (set-kar! k 3) (kar k))) 3)
(check "5.5 constructor argument order" (lambda () (let ((p (make-point 1 2))) (list (point-x p) (point-y p)))) '(2 1))
(check "5.5 field not in constructor can be set"
       (lambda () (let ((p (make-point 1 2))) (set-point-tag! p 'origin) (point-tag p)))
       'origin)
(check "5.5 modifier leaves other fields"
       (lambda () (let ((p (make-point 1 2))) (set-point-x! p 10) (list (point-x p) (point-y p))))
       '(10 1))
(check "5.5 record types are disjoint"
       (lambda () (list (pare? (make-point 1 2)) (point? (kons 1 2))))
       '(#f #f))
(check "5.5 record is no other type"
       (lambda () (let ((r (kons 1 2)))
                    (list (pair? r) (vector? r) (procedure? r) (symbol? r) (string? r))))
       '(#f #f #f #f #f))
(check "5.5 predicate on non-records"
       (lambda () (map pare? (list 1 "s" 'sym '() (vector 1 2) #f)))
       '(#f #f #f #f #f #f))
(check "5.5 each construction is a new object"
       (lambda () (eqv? (kons 1 2) (kons 1 2)))
       #f)
(check "5.5 record is eqv? to itself" (lambda () (let ((k (kons 1 2))) (eqv? k k))) #t)
(check "5.5 record with no fields" (lambda () (empty-record? (make-empty-record))) #t)
(check "5.5 record in a list structure"
       (lambda () (map kar (list (kons 1 'a) (kons 2 'b) (kons 3 'c))))
       '(1 2 3))
(check "5.5 mutation seen through alias"
       (lambda () (let* ((a (kons 1 2)) (b a)) (set-kar! a 'new) (kar b)))
       'new)
(check "5.5 internal record definition"
       (lambda ()
         (define-record-type node (make-node value next) node? (value node-value) (next node-next))
         (let ((n (make-node 1 (make-node 2 '()))))
           (list (node? n) (node-value (node-next n)))))
       '(#t 2))
(check "5.5 accessor as first-class procedure" (lambda () (map kdr (list (kons 1 2) (kons 3 4)))) '(2 4))
