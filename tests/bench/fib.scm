;;; fib -- doubly recursive Fibonacci.
;;; Measures: calls to a known procedure, fixnum compare/add/subtract.
;;; (fib 35) is computed `reps` times; the sum of the results is printed.

(define reps 12)   ; smoke: 1
(define size 35)  ; smoke: 20

(define (fib n)
  (if (< n 2)
      n
      (+ (fib (- n 1)) (fib (- n 2)))))

(define (run-fib count n)
  (let repeat ((i 0) (sum 0))
    (if (= i count)
        sum
        (repeat (+ i 1) (+ sum (fib n))))))

(display (run-fib reps size))
(newline)
