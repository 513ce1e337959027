;; Definitions that clash: a built-in's name, a procedure defined twice, a
;; name that is both a procedure and a variable. These are found while the
;; definitions are collected, before any code is compiled.
(define (print x) x)
(define (twice x) (* 2 x))
(define (twice x) (+ x x))
(define (size) 1)
(define size 2)
(twice size)
