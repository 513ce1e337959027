(define-library (app base)
  (export greet shout trace)
  (import (scheme base) (scheme write) (scheme char))
  (begin
    (define trace '())
    (set! trace (cons 'base trace))
    (display "initialising (app base)") (newline)
    (define (greet name) (string-append "hello, " name))
    (define (shout s) (list->string (map char-upcase (string->list s))))))
