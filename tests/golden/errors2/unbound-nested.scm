; Unbound variables deep inside lambdas, lets and argument lists are all found at compile time.
(define (make-scaler factor)
  (lambda (x)
    (let ((y (* x factr)))
      y)))
(define (shift lst)
  (map (lambda (item) (+ item offset)) lst))
(display ((make-scaler 2) 3))
