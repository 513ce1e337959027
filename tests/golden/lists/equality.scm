; eq?, eqv? and equal? on every kind of value, using only the cases R7RS specifies.
(define (row . xs) (for-each (lambda (x) (display (if x "T" "F"))) xs) (newline))
; symbols, booleans, the empty list
(row (eq? 'a 'a) (eq? 'a 'b) (eqv? 'a 'a) (equal? 'a 'a) (eq? '() '()) (eq? #t #t) (eq? #f '()))
; numbers: eqv? compares exactness and value
(row (eqv? 2 2) (eqv? 2 2.0) (eqv? 100000000 100000000) (eqv? (expt 2 100) (expt 2 100))
     (eqv? 1/2 1/2) (eqv? 1/2 0.5) (eqv? 0.0 -0.0) (eqv? 1.5 1.5) (equal? 2 2.0))
; chars
(row (eqv? #\a #\a) (eqv? #\a #\A) (equal? #\x3bb #\x3bb))
; pairs and lists: identity versus structure
(define p (list 1 2))
(row (eq? p p) (eqv? p p) (eq? (list 1) (list 1)) (eqv? (cons 1 2) (cons 1 2))
     (equal? (cons 1 2) (cons 1 2)) (equal? '(a (b) c) (list 'a (list 'b) 'c)) (equal? '(1 2) '(1 2 3)))
; strings
(row (eqv? (string #\a) (string #\a)) (equal? "abc" (string #\a #\b #\c)) (equal? "abc" "abC") (equal? "" ""))
; vectors and bytevectors
(row (eqv? (vector 1) (vector 1)) (equal? (make-vector 3 'a) (vector 'a 'a 'a))
     (equal? #(1 (2 "x")) (vector 1 (list 2 "x"))) (equal? #(1 2) #(1 2 3))
     (equal? #u8(1 2) (bytevector 1 2)) (equal? #u8(1 2) #u8(2 1)))
; procedures
(define (f x) x)
(row (eq? f f) (eqv? car car) (eqv? (lambda () 1) (lambda () 2)) (equal? f f))
; mixed types are never equal
(row (equal? 1 "1") (equal? 'a "a") (equal? '() #f) (equal? #\a "a") (equal? '(1) #(1)) (eqv? '() '()))
; records compare by identity, also under equal? (R7RS 6.1: eqv? on "other objects"; guile 3.0.8 compares their fields)
(define-record-type point (make-point x y) point? (x point-x) (y point-y))
(define pt (make-point 1 2))
(row (eqv? pt pt) (equal? pt pt) (equal? (make-point 1 2) (make-point 1 2)))
