; Unbounded recursion is a clear error, never a segfault.
(define (forever n) (if (< n 0) 0 (+ 1 (forever (+ n 1)))))
(display "start")
(newline)
(forever 0)
