;;; gcstress: 10000 a list built a million frames deep: each collection scans the whole stack
;;; Small recursive procedures get their body inlined once at their own
;;; non-tail calls (compiler/lower.cpp): the copy's locals must not clobber
;;; the caller's, and the copy's own calls, tail calls included, behave.

(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(display (fib 25))
(newline)

;; A local live across the self call.
(define (sum-squares n)
  (if (= n 0) 0 (let ((sq (* n n))) (+ sq (sum-squares (- n 1))))))
(display (sum-squares 10))
(newline)

;; A parameter assigned after the self call returns.
(define (scaled n)
  (if (= n 0) '() (let ((rest (scaled (- n 1)))) (set! n (* n 10)) (cons n rest))))
(display (scaled 4))
(newline)

;; Two self calls whose results combine.
(define (depth tree)
  (if (pair? tree) (+ 1 (max (depth (car tree)) (depth (cdr tree)))) 0))
(display (depth '((a (b c)) d (e (f (g))))))
(newline)

;; A self call whose value is dropped.
(define leaves 0)
(define (count-leaves! tree)
  (if (pair? tree)
      (begin (count-leaves! (car tree)) (count-leaves! (cdr tree)))
      (if (symbol? tree) (set! leaves (+ leaves 1)))))
(count-leaves! '((a (b c)) d (e (f (g)))))
(display leaves)
(newline)

;; A tail self call inside the copy, and deep non-tail recursion.
(define (f n acc)
  (cond ((= n 0) acc)
        ((odd? n) (f (- n 1) (+ acc 1)))
        (else (+ 1 (f (- n 1) acc)))))
(display (f 100000 0))
(newline)
(define (build n) (if (= n 0) '() (cons n (build (- n 1)))))
(display (length (build 1000000)))
(newline)

;; An error raised in the copy reports where the procedure says it.
(define (sum-list l) (if (null? l) 0 (+ (car l) (sum-list (cdr l)))))
(display (sum-list '(1 2 3)))
(newline)
(sum-list '(1 2 . 3))
