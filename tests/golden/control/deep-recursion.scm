;;; gcstress: 10000 a million-frame recursion that allocates: each collection scans the whole stack
; Non-tail recursion a million deep works.
(define (build n)
  (if (= n 0) '() (cons n (build (- n 1)))))
(define big (build 1000000))
(display (length big))
(newline)
(display (car big))
(newline)
(define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
(display (sum big))
(newline)
