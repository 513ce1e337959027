; set! of a name that is neither local nor global, from inside procedures.
(define (bump counter)
  (set! countr (+ counter 1))
  counter)
(define total 0)
(define (add! x)
  (let ((sum total))
    (set! summ (+ sum x))))
(display (bump 1))
