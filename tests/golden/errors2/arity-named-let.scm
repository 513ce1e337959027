; A named-let loop is a known procedure. A wrong argument count in a branch
; may never run, so eshkolc warns (with the location) and the call raises
; the error when it does run.
(define (count-up n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        acc
        (loop (+ i 1)))))
(display (count-up 0))
(newline)
(display (count-up 3))
