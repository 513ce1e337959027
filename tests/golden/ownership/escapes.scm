; Paths that do not return need no consuming: an escape continuation, a
; raise. Procedures run in place by built-ins are checked where they are.
(define (first-negative lst)
  (call/cc
    (lambda (return)
      (let ((seen (owned 0)))
        (for-each (lambda (x) (when (< x 0) (return x))) lst)
        (consume seen)
        #f))))
(display (first-negative '(1 2 -3 4)))
(newline)
(display (first-negative '(1 2)))
(newline)

(let ((f (owned 'wound)))
  (dynamic-wind
    (lambda () (display "before ") (display f))
    (lambda () (display " during"))
    (lambda () (display " after") (newline) (consume f))))

(let ((f (owned 'guarded)))
  (guard (e (#t (display "caught ") (display e) (newline)))
    (display f)
    (newline)
    (raise 'oops))
  (consume f))

(define p (make-parameter 1))
(let ((f (owned 'param)))
  (parameterize ((p 2))
    (display (p))
    (display f)
    (newline)
    (consume f)))
