; Closures capture variables; set! on a captured variable is shared.
(define (make-adder n)
  (lambda (x) (+ x n)))

(define add5 (make-adder 5))
(define add10 (make-adder 10))
(display (add5 1)) (newline)
(display (add10 1)) (newline)

(define (make-counter)
  (let ((count 0))
    (lambda ()
      (set! count (+ count 1))
      count)))

(define c1 (make-counter))
(define c2 (make-counter))
(c1)
(c1)
(display (c1)) (newline)
(display (c2)) (newline)

; Two closures over the same variable see each other's updates.
(define (make-account balance)
  (let ((deposit (lambda (amount) (set! balance (+ balance amount)) balance))
        (peek (lambda () balance)))
    (deposit 50)
    (deposit 25)
    (peek)))
(display (make-account 100)) (newline)

; Closures nested three deep reach the outermost variable.
(define (outer a)
  (lambda (b)
    (lambda (c)
      (+ a (* 10 b) (* 100 c)))))
(display (((outer 1) 2) 3)) (newline)
