;; Inside a procedure, define makes a local whose scope is the rest of the
;; enclosing sequence (do, a body); an inner define shadows an outer one.
;; Parameters are locals too. A define's value is the value it stores.
(define (f x)
  (do
    (define y (* x 2))        ; 10
    (define z (+ y 1))        ; 11
    (set x (+ x z))           ; 16
    x))
(print (f 5))                 ; 16

(define (g a)
  (do
    (define b 1)
    (do
      (define b 2)
      (print b))              ; the inner b: 2
    (print b)                 ; the outer b again: 1
    (define a (+ a 100))      ; a new a, from the parameter: 101
    a))
(print (g 1))                 ; 2, 1, then 101

(define (h) (print (define q 7)))
(h)                           ; 7

(define v 1)
(define (k)
  (do
    (define v 2)              ; a local v hides the global
    v))
(print (k))                   ; 2
(print v)                     ; 1

(define counter 0)
(define (bump) (set counter (+ counter 1)))
(bump)
(bump)
(bump)
(print counter)               ; 3

(define (sum-squares n)
  (do
    (define s 0)
    (define i 1)
    (while (<= i n)
      (define sq (* i i))     ; a local of each turn
      (set s (+ s sq))
      (set i (+ i 1)))
    s))
(print (sum-squares 4))       ; 1+4+9+16 = 30

(define v 5)                  ; a second define of a global stores into it
(print v)                     ; 5
(set v 9)                     ; the program's value: 9
