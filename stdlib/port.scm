;;; port.scm - the port procedures of (scheme base) and (scheme file) that are
;;; made of others: the current ports as parameters, and the call-with and
;;; with- procedures, which close their port when the procedure returns.

(define current-input-port (%port-parameter 0))
(define current-output-port (%port-parameter 1))
(define current-error-port (%port-parameter 2))

(define (call-with-port port proc)
  (call-with-values (lambda () (proc port))
    (lambda results
      (close-port port)
      (apply values results))))

(define (call-with-input-file file proc)
  (call-with-port (open-input-file file) proc))

(define (call-with-output-file file proc)
  (call-with-port (open-output-file file) proc))

(define (with-input-from-file file thunk)
  (call-with-port (open-input-file file)
    (lambda (port)
      (parameterize ((current-input-port port)) (thunk)))))

(define (with-output-to-file file thunk)
  (call-with-port (open-output-file file)
    (lambda (port)
      (parameterize ((current-output-port port)) (thunk)))))
