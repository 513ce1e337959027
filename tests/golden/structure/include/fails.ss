; Fails at run time: the error's location is in this file.
(define (first-of x)
  (car x))
