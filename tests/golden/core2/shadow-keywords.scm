; R7RS lets variables shadow syntactic keywords: inside their scope the name is an ordinary variable.
(define (f if) (list if 'was-if))
(display (f 1)) (newline)
(let ((list (lambda args (length args))) (quote 5))
  (display (list quote quote quote))) (newline)
(define (g when unless) (+ when unless))
(display (g 3 4)) (newline)
(let ((define 'not-a-keyword-here)) (display define)) (newline)
(display (if 1 'if-still-works 'no)) (newline)
