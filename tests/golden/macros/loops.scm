; Looping macros built on named let and do, used with variables that have
; the same names as the loop's own.
(import (scheme base) (scheme write))
(define-syntax while
  (syntax-rules ()
    ((_ cond body ...) (let loop () (when cond body ... (loop))))))
(define i 0)
(while (< i 3) (write i) (set! i (+ i 1)))
(newline)
(let ((loop 'user-loop) (j 0))
  (while (< j 2) (write loop) (set! j (+ j 1)))
  (newline))
(define-syntax for-range
  (syntax-rules ()
    ((_ (var from to) body ...) (do ((var from (+ var 1))) ((>= var to)) body ...))))
(define total 0)
(for-range (k 0 5) (for-range (m 0 k) (set! total (+ total 1))))
(write total) (newline)
(define-syntax collect
  (syntax-rules (for in)
    ((_ expr for x in lst) (let loop ((xs lst) (acc '()))
                             (if (null? xs) (reverse acc)
                                 (loop (cdr xs) (let ((x (car xs))) (cons expr acc))))))))
(define acc 'user-acc)
(write (collect (list x acc) for x in '(1 2 3))) (newline)
; a loop of 100000 iterations through a macro stays in constant stack
(define n 0)
(while (< n 100000) (set! n (+ n 1)))
(write n) (newline)
