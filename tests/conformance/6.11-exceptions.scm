;;; R7RS 6.11 Exceptions: with-exception-handler, raise, raise-continuable,
;;; error and error objects. (guard is 4.2.7, in 4.2-derived.scm; file and
;;; read errors of real ports are in 6.13-io.scm.)
(import (scheme base) (scheme write))

(define (catch thunk) (call/cc (lambda (k) (with-exception-handler (lambda (e) (k (list 'caught e))) thunk))))

(check "6.11 handler escapes (R7RS example)"
       (lambda () (call-with-current-continuation
                   (lambda (k)
                     (with-exception-handler
                      (lambda (e) (k (list 'exception e)))
                      (lambda () (+ 1 (raise 'an-error)))))))
       '(exception an-error))
(check "6.11 raise-continuable (R7RS example)"
       (lambda () (with-exception-handler
                   (lambda (con) (cond ((string? con) 1) (else 42)))
                   (lambda () (+ (raise-continuable "should be a number") 23))))
       24)
(check "6.11 raise-continuable handler value"
       (lambda () (with-exception-handler (lambda (c) 42) (lambda () (+ (raise-continuable 'c) 23))))
       65)
(check "6.11 thunk value when nothing raised" (lambda () (with-exception-handler (lambda (e) 'handler) (lambda () 'thunk))) 'thunk)
(check-raise "6.11 raise with returning handler raises again"
             (lambda () (with-exception-handler (lambda (e) 'ignored) (lambda () (raise 'boom))))
             (lambda (e) #t))
(check "6.11 secondary raise goes to the outer handler"
       (lambda () (car (catch (lambda () (with-exception-handler (lambda (e) 'ignored) (lambda () (raise 'boom)))))))
       'caught)
(check "6.11 code after a non-continuable raise never runs"
       (lambda () (let ((reached #f))
                    (catch (lambda () (with-exception-handler (lambda (e) 'ignored) (lambda () (raise 'boom) (set! reached #t)))))
                    reached))
       #f)
(check "6.11 handler runs with the outer handler installed"
       (lambda () (with-exception-handler
                   (lambda (e) (+ e 1))
                   (lambda () (with-exception-handler
                               (lambda (e) (+ (raise-continuable (* e 10)) 1))
                               (lambda () (raise-continuable 1))))))
       12)
(check "6.11 handler called in the dynamic extent of raise"
       (lambda () (let ((log '()))
                    (catch (lambda ()
                             (dynamic-wind
                              (lambda () #f)
                              (lambda () (with-exception-handler
                                          (lambda (e) (set! log (cons 'handler log)) (raise e))
                                          (lambda () (raise 'x))))
                              (lambda () (set! log (cons 'after log))))))
                    (reverse log)))
       '(handler after))
(check "6.11 handler sees the raise's parameterize"
       (lambda () (let ((p (make-parameter 'outer)))
                    (with-exception-handler
                     (lambda (e) (p))
                     (lambda () (parameterize ((p 'inner)) (raise-continuable 'x))))))
       'inner)
(check "6.11 raise any object" (lambda () (catch (lambda () (raise (list 1 2))))) '(caught (1 2)))
(check "6.11 raise #f" (lambda () (catch (lambda () (raise #f)))) '(caught #f))
(check "6.11 raise a record"
       (lambda ()
         (define-record-type my-condition (make-my-condition code) my-condition? (code my-condition-code))
         (let ((r (catch (lambda () (raise (make-my-condition 7))))))
           (and (my-condition? (cadr r)) (my-condition-code (cadr r)))))
       7)
(check "6.11 raise-continuable several times"
       (lambda () (with-exception-handler (lambda (e) (* e 2))
                                          (lambda () (+ (raise-continuable 1) (raise-continuable 10)))))
       22)
(check "6.11 error is an error object"
       (lambda () (let ((r (catch (lambda () (error "Something went wrong" 'a "b" 3)))))
                    (error-object? (cadr r))))
       #t)
(check "6.11 error-object-message and irritants"
       (lambda () (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
                    (error "Something went wrong" 'a "b" 3)))
       '("Something went wrong" (a "b" 3)))
;; guile 3.0.8 gives #f here.
(check "6.11 error with no irritants" (lambda () (guard (e (#t (error-object-irritants e))) (error "plain"))) '())
(check "6.11 error irritants keep structure" (lambda () (guard (e (#t (error-object-irritants e))) (error "x" '(1 (2)) #(3)))) '((1 (2)) #(3)))
(check "6.11 error-object? of raised non-errors" (lambda () (map error-object? (list 42 'sym "string" '(1) #f))) '(#f #f #f #f #f))
(check "6.11 error-object? on raised number" (lambda () (guard (e (#t (error-object? e))) (raise 42))) #f)
(check "6.11 error objects are not file or read errors"
       (lambda () (guard (e (#t (list (file-error? e) (read-error? e)))) (error "x")))
       '(#f #f))
(check "6.11 file-error? and read-error? of other objects" (lambda () (list (file-error? 'x) (read-error? "x"))) '(#f #f))
(check "6.11 error is not continuable"
       (lambda () (let ((reached #f))
                    (catch (lambda () (with-exception-handler (lambda (e) 'returned) (lambda () (error "stop") (set! reached #t)))))
                    reached))
       #f)
(check "6.11 raise from a deep recursion"
       (lambda () (catch (lambda () (let loop ((n 0)) (if (= n 10000) (raise n) (+ 1 (loop (+ n 1))))))))
       '(caught 10000))
(check "6.11 nested handlers, inner escapes"
       (lambda () (call/cc (lambda (k)
                             (with-exception-handler
                              (lambda (e) (k 'outer))
                              (lambda () (call/cc (lambda (k2)
                                                    (with-exception-handler
                                                     (lambda (e) (k2 (list 'inner e)))
                                                     (lambda () (raise 'x))))))))))
       '(inner x))
(check "6.11 handler not active after with-exception-handler returns"
       (lambda () (catch (lambda ()
                           (with-exception-handler (lambda (e) 'first) (lambda () 'done))
                           (raise 'later))))
       '(caught later))
(check "6.11 error message is a string" (lambda () (guard (e (#t (string? (error-object-message e)))) (error "msg" 1))) #t)
(check "6.11 guard with error and =>"
       (lambda () (guard (e ((and (error-object? e) (error-object-irritants e)) => car)) (error "m" 'first 'second)))
       'first)
