; Mutual recursion between top-level procedures: ten million tail calls.
(define (my-even? n) (if (= n 0) #t (my-odd? (- n 1))))
(define (my-odd? n) (if (= n 0) #f (my-even? (- n 1))))
(display (my-even? 10000000))
(display (my-odd? 10000001))
(display (my-even? 7))
(newline)
