; A local variable is not visible outside the form that binds it.
(define (f)
  (let ((inner 1))
    inner)
  inner)
(define (g x)
  (define helper (lambda () x))
  (helper))
(display (helper))
