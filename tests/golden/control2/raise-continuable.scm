; raise-continuable: the handler's value becomes the value of the raise-continuable call.
(display
  (with-exception-handler
    (lambda (con)
      (cond ((string? con) (display con))
            (else (display "a warning has been issued")))
      42)
    (lambda ()
      (+ (raise-continuable "should be a number") 23))))
(newline)
(define (ask-default key)
  (raise-continuable (list 'missing key)))
(define (lookup key alist)
  (let ((p (assq key alist)))
    (if p (cdr p) (ask-default key))))
(display
  (with-exception-handler
    (lambda (c) (if (and (pair? c) (eq? (car c) 'missing)) 0 'other))
    (lambda ()
      (map (lambda (k) (lookup k '((a . 1) (c . 3)))) '(a b c d)))))
(newline)
; each raise-continuable calls the handler again
(define calls 0)
(display
  (with-exception-handler
    (lambda (x) (set! calls (+ calls 1)) (* x x))
    (lambda ()
      (let loop ((i 1) (acc '()))
        (if (> i 4) (reverse acc) (loop (+ i 1) (cons (raise-continuable i) acc)))))))
(display calls) (newline)
; a handler can itself raise-continuable to the next handler out
(display
  (with-exception-handler
    (lambda (x) (* x 10))
    (lambda ()
      (with-exception-handler
        (lambda (x) (+ 1 (raise-continuable (+ x 1))))
        (lambda () (raise-continuable 1))))))
(newline)
; after the handler returns, the original handler is installed again
(display
  (with-exception-handler
    (lambda (x) (list 'handled x))
    (lambda () (list (raise-continuable 'a) (raise-continuable 'b)))))
(newline)
(call-with-values
  (lambda () (with-exception-handler (lambda (x) (values x x)) (lambda () (raise-continuable 7))))
  (lambda vals (display vals) (newline)))
