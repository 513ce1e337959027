; A named-let loop is a known procedure: calling it with the wrong number of arguments is a compile-time error.
(define (count-up n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        acc
        (loop (+ i 1)))))
(display (count-up 3))
