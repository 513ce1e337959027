; A lambda that was never named is reported as an anonymous procedure.
(define (apply-to-pair f) (f 1 2))
(display (apply-to-pair (lambda (a b) (+ a b))))
(newline)
(display (apply-to-pair (lambda () 'none)))
