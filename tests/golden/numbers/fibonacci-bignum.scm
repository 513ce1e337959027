; Iterative Fibonacci numbers grow into bignums.
(define (fib-step i n a b)
  (if (= i n) a (fib-step (+ i 1) n b (+ a b))))
(define (fib n) (fib-step 0 n 0 1))
(display (fib 90)) (newline)
(display (fib 93)) (newline)
(display (fib 300)) (newline)
(display (remainder (fib 1000) 1000000007)) (newline)
(display (quotient (fib 1000) (fib 998))) (newline)
