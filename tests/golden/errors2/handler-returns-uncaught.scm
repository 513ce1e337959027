; A handler returning from a non-continuable raise, with no outer handler: the secondary error is uncaught.
(with-exception-handler
  (lambda (e) (display "handled ") (display e) (newline) 'ignored)
  (lambda () (raise 'oops)))
(display "never")
