;; ref-count needs a shared value.
(define (count-of x) (ref-count x))
(display (count-of (shared 1)))
(newline)
(display (count-of '(1 2)))
