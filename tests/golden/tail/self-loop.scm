; A self tail call: ten million iterations in constant stack.
(define (count-down n acc)
  (if (= n 0) acc (count-down (- n 1) (+ acc 1))))
(display (count-down 10000000 0))
(newline)
