; letrec, letrec* and internal definitions allow (mutual) recursion.
(define (parity n)
  (letrec ((even? (lambda (n) (if (= n 0) #t (odd? (- n 1)))))
           (odd? (lambda (n) (if (= n 0) #f (even? (- n 1))))))
    (if (even? n) 0 1)))
(display (parity 10))
(display (parity 7))
(newline)

(define (sum-to n)
  (define (helper i acc)
    (if (> i n)
        acc
        (helper (+ i 1) (+ acc i))))
  (helper 1 0))
(display (sum-to 100))
(newline)

(letrec* ((a 5)
          (b (* a 2)))
  (display (+ a b))
  (newline))
