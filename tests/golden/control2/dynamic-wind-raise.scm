; An exception escaping through dynamic-wind to a guard runs the after thunks before the guard clause,
; while a with-exception-handler handler runs inside the extent, before any after thunk.
(define trace '())
(define (note x) (set! trace (cons x trace)))
(define r
  (guard (e (#t (note (list 'clause e)) 'handled))
    (dynamic-wind
      (lambda () (note 'before))
      (lambda () (note 'body) (raise 'boom) (note 'not-reached))
      (lambda () (note 'after)))))
(display r) (newline)
(display (reverse trace)) (newline)
(set! trace '())
(define r2
  (with-exception-handler
    (lambda (e) (note (list 'handler e)) 10)
    (lambda ()
      (dynamic-wind
        (lambda () (note 'before))
        (lambda () (+ 1 (raise-continuable 'warn)))
        (lambda () (note 'after))))))
(display r2) (newline)
(display (reverse trace)) (newline)
