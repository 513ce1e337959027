; raise-continuable with no handler installed is an uncaught exception as well.
(define (warn x) (raise-continuable x))
(display (+ 1 (warn 41)))
