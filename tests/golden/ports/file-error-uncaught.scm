; An uncaught file error prints like any error, with its location.
(display "start")
(newline)
(define port (open-input-file "does-not-exist.txt"))
(display "not reached")
