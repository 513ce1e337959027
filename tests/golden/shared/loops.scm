;; Loops and tail calls that pass fresh shared values along keep only the
;; current ones alive: every earlier one is released on the next iteration.
;; (The first argument belongs to the caller's expression: it lives until
;; that expression is done.)
(define made 0)
(define destroyed 0)
(define (make n) (set! made (+ made 1)) (shared n (lambda (v) (set! destroyed (+ destroyed 1)))))
(define (alive) (- made destroyed))

;; a self tail call
(define (spin n acc)
  (if (= n 0)
      (list (shared-value acc) (ref-count acc) (alive))
      (spin (- n 1) (make n))))
(display (spin 100000 (make 0)))
(newline)
(display (alive))
(newline)

;; a named let that sometimes replaces what it carries
(define r
  (let loop ((i 0) (s (make 'first)))
    (if (< i 10)
        (loop (+ i 1) (if (even? i) (make i) s))
        (list (shared-value s) (alive)))))
(display r)
(newline)

;; mutual recursion through the trampoline
(define (ping n s) (if (= n 0) (list (shared-value s) (alive)) (pong (- n 1) s)))
(define (pong n s) (if (= n 0) (list (shared-value s) (alive)) (ping (- n 1) (make n))))
(display (ping 10001 (make 'p)))
(newline)

;; a do loop that binds one per iteration
(do ((i 0 (+ i 1))) ((= i 1000))
  (let ((s (make i)))
    (if (> (alive) 1) (display "leak!\n"))))
(display (list made destroyed))
(newline)
