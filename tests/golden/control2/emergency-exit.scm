;;; exit: 6
; emergency-exit ends the program at once: unlike exit, it runs no dynamic-wind after thunks
; (output is flushed by hand first: R7RS does not say whether emergency-exit flushes it).
(dynamic-wind
  (lambda () (display "in") (newline))
  (lambda () (display "leaving") (newline) (flush-output-port) (emergency-exit 6))
  (lambda () (display "after thunk must not run") (newline)))
(display "never")
