; A procedure the checker cannot see (a parameter) cannot receive an owned
; value by plain passing: lend it or move it explicitly.
(define (with-value make use)
  (let ((v (owned (make))))
    (use v)
    (consume v)))
(with-value (lambda () 1) display)
