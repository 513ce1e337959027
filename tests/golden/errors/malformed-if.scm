; if takes two or three operands.
(define (f x)
  (if x))
(if 1 2 3 4)
