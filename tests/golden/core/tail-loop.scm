; A self tail call runs in constant stack: ten million iterations.
(define (count-up i n acc)
  (if (= i n)
      acc
      (count-up (+ i 1) n (+ acc i))))
(display (count-up 0 10000000 0))
(newline)
