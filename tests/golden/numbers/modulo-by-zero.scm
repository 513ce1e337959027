; Integer division by zero names the procedure.
(define (m a b) (modulo a b))
(display (m (expt 10 30) 7)) (newline)
(display (m (expt 10 30) 0)) (newline)
