; Tail calls through apply: ten million iterations.
(define (loop n . rest)
  (if (= n 0) (length rest) (apply loop (- n 1) rest)))
(display (loop 10000000 'a 'b 'c))
(newline)
