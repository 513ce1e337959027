; A handler given to with-exception-handler runs with the outer handlers installed and may escape with a continuation.
(display
  (call-with-current-continuation
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (list 'caught e)))
        (lambda () (+ 1 (raise 'an-error)))))))
(newline)
(display
  (call/cc
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (list 'outer e)))
        (lambda ()
          (with-exception-handler
            (lambda (e) (raise (list 'inner-saw e)))
            (lambda () (raise 'boom))))))))
(newline)
(define (try thunk default)
  (call/cc
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k default))
        thunk))))
(display (list (try (lambda () (car '())) 'no-car) (try (lambda () 'fine) 'unused))) (newline)
(display (try (lambda () (error "bad thing" 1 2)) 'error-caught)) (newline)
(define result
  (call/cc
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k (if (error-object? e) (error-object-message e) e)))
        (lambda () (for-each (lambda (x) (if (> x 2) (error "too big" x))) '(1 2 3 4)) 'done)))))
(display result) (newline)
; the handler is not in effect after with-exception-handler returns
(define h-result
  (call/cc
    (lambda (k)
      (with-exception-handler
        (lambda (e) (k 'outer-handler))
        (lambda ()
          (with-exception-handler (lambda (e) (k 'inner-handler)) (lambda () 'no-raise))
          (raise 'later))))))
(display h-result) (newline)
