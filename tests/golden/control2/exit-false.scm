;;; exit: 1
; (exit #f) reports failure: status 1, and no error message.
(display "failing quietly")
(newline)
(exit #f)
(display "never")
