; Doubly recursive Fibonacci: many non-tail calls of a known procedure.
(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(display (fib 0)) (newline)
(display (fib 1)) (newline)
(display (fib 10)) (newline)
(display (fib 25)) (newline)
