; Factorials overflow fixnums into bignums and print in full.
(define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
(display (fact 20)) (newline)
(display (fact 21)) (newline)
(display (fact 30)) (newline)
(display (fact 50)) (newline)
(display (fact 100)) (newline)
(display (/ (fact 100) (fact 98))) (newline)
