; A handler that returns from a non-continuable raise causes a secondary exception, raised in the handler's
; dynamic environment: the outer guard catches it, and the code after the raise never runs.
(define handler-calls 0)
(define after-raise #f)
(define outcome
  (guard (e (#t 'secondary-caught))
    (with-exception-handler
      (lambda (e) (set! handler-calls (+ handler-calls 1)) 'ignored)
      (lambda ()
        (raise 'first)
        (set! after-raise #t)
        'body-finished))))
(display (list outcome handler-calls after-raise)) (newline)
(set! handler-calls 0)
(define outcome2
  (guard (e (#t 'secondary-caught))
    (with-exception-handler
      (lambda (e) (set! handler-calls (+ handler-calls 1)) 'ignored)
      (lambda ()
        (error "an error" 1)
        (set! after-raise #t)
        'body-finished))))
(display (list outcome2 handler-calls after-raise)) (newline)
