; Calls with wrong argument counts that the program may never reach compile
; with a warning each; R7RS test suites call them inside guard on purpose.
(define-syntax test-error
  (syntax-rules ()
    ((_ expr) (begin (display (guard (e (#t (list 'error (error-object-message e)))) expr)) (newline)))))
(define (pair a b) (cons a b))
(define (never-called) (pair 1 2 3))
(test-error (apply +))
(test-error (car 1 2))
(test-error (pair 1))
(test-error (vector-ref (vector 1 2)))
; the same calls, reached, still work with the right counts
(display (list (apply + '(1 2)) (car '(1 2)) (pair 1 2) (vector-ref (vector 1 2) 1)))
(newline)
(define (pick flag)
  (if flag (pair 'a 'b) (pair 'only)))
(display (pick #t))
(newline)
(test-error (pick #f))
