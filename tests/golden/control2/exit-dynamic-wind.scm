;;; exit: 4
; exit runs the after thunks of every active dynamic-wind, innermost first, before the program ends.
(dynamic-wind
  (lambda () (display "in "))
  (lambda ()
    (dynamic-wind
      (lambda () (display "in2 "))
      (lambda () (display "body ") (exit 4) (display "not here "))
      (lambda () (display "out2 "))))
  (lambda () (display "out") (newline)))
(display "never")
