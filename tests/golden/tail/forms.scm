; Tail positions inside cond, case, and, or, when, unless and do bodies:
; each loop runs ten million times without growing the stack.
(define n 10000000)
(define (via-cond i) (cond ((= i 0) 'cond) ((odd? i) (via-cond (- i 1))) (else (via-cond (- i 1)))))
(define (via-case i) (case (remainder i 3) ((0) (if (= i 0) 'case (via-case (- i 1)))) ((1) (via-case (- i 1))) (else (via-case (- i 1)))))
(define (via-and i) (and #t (if (= i 0) 'and (via-and (- i 1)))))
(define (via-or i) (or #f (if (= i 0) 'or (via-or (- i 1)))))
(define (via-when i) (when #t (if (= i 0) 'when (via-when (- i 1)))))
(define (via-unless i) (unless #f (if (= i 0) 'unless (via-unless (- i 1)))))
(define (via-do) (do ((i 0 (+ i 1))) ((= i n) 'do)))
(display (list (via-cond n) (via-case n) (via-and n) (via-or n) (via-when n) (via-unless n) (via-do)))
(newline)
; The same through mutual recursion, where no jump is possible.
(define (ping i) (cond ((= i 0) 'ping) (else (pong (- i 1)))))
(define (pong i) (or (and (= i 0) 'pong) (ping (- i 1))))
(display (list (ping n) (ping (+ n 1))))
(newline)
