; Known procedures that capture other known procedures, in chains. Only
; those that capture a run-time value need a closure of their own.
(define (chain n)
  (define (a x) (+ x 1))           ; captures nothing
  (define (b x) (a (a x)))         ; captures a: no value to store
  (define (c x) (+ n (b x)))       ; captures n: a closure
  (define (d x) (c (b x)))         ; captures c, which has a closure
  (map (lambda (x) (list (a x) (b x) (c x) (d x))) '(0 10)))
(display (chain 100))
(newline)

; A known procedure passed as a value makes its closure; one only called
; does not. Both are captured by the same closure.
(define (apply-both xs)
  (define (called x) (* x 2))
  (define (passed x) (- x))
  (lambda () (map (lambda (x) (called x)) (map passed xs))))
(display ((apply-both '(1 2 3))))
(newline)

; Nested loops, the inner one calling a known procedure of the outermost
; procedure and a variable of the middle loop.
(define (table n)
  (define (cell i j) (* (+ i 1) (+ j 1)))
  (let rows ((i 0) (acc '()))
    (if (= i n)
        (reverse acc)
        (rows (+ i 1)
              (cons (let cols ((j 0) (row '()))
                      (if (= j n) (reverse row) (cols (+ j 1) (cons (cell i j) row))))
                    acc)))))
(display (table 3))
(newline)

; A closure returned from a loop body, capturing a known procedure and the
; loop variable.
(define (thunks n)
  (define (label i) (string-append "t" (number->string i)))
  (let loop ((i 0) (acc '()))
    (if (= i n) (reverse acc) (loop (+ i 1) (cons (lambda () (label i)) acc)))))
(display (map (lambda (t) (t)) (thunks 3)))
(newline)
