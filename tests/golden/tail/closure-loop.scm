; Tail calls through closures the compiler cannot see: ten million of them.
(define (make-stepper limit)
  (lambda (self i acc)
    (if (= i limit) acc (self self (+ i 1) (+ acc 2)))))
(define step (make-stepper 10000000))
(display (step step 0 0))
(newline)
; A procedure passed as an argument and called in tail position.
(define (trampoline-free f n) (if (= n 0) 'done (f f (- n 1))))
(display (trampoline-free trampoline-free 10000000))
(newline)
