; Definitions must come at the top level or at the start of a body.
(define (f x)
  (display x)
  (define y (* x 2))
  y)
(define (g x)
  (if (> x 0) (define z 1) 0))
(display (list (define w 3)))
