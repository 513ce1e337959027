; Passing an owned value to a procedure moves it there: the procedure must
; consume it on every path. The error is at the parameter, with a note at
; the call.
(define (log-and-close port verbose)
  (if verbose
      (begin (display "closing") (newline) (close port))
      'left-open))
(log-and-close (owned "port") #f)
