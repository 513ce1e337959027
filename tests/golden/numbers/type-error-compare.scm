; Comparisons check their arguments too.
(define (less? a b) (< a b))
(display (less? 1 2)) (newline)
(display (less? 1 #t)) (newline)
