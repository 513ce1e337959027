;;; exit: 3
; (exit 3) ends the program with status 3, from inside nested procedure calls.
(define (deep n) (if (= n 0) (exit 3) (+ 1 (deep (- n 1)))))
(display "start")
(newline)
(deep 100)
(display "never")
