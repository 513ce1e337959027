;;; exit: 5
; A procedure whose loop never returns normally: it leaves only through exit.
(define (serve requests)
  (let loop ((pending requests) (handled 0))
    (if (null? pending)
        (begin (display "handled ") (display handled) (newline) (exit 5)))
    (display (car pending))
    (display " ")
    (loop (cdr pending) (+ handled 1))))
(serve '(a b c))
(display "never")
