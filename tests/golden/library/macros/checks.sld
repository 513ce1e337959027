; Macros that refer to the library's private definitions and macros.
(define-library (macros checks)
  (export check inc! with-logging)
  (import (scheme base) (scheme write))
  (begin
    (define failures 0)
    (define (report what ok)
      (unless ok (set! failures (+ failures 1)))
      (display (if ok "pass: " "FAIL: "))
      (write what)
      (display " (failures so far: ")
      (display failures)
      (display ")")
      (newline))
    (define-syntax bump
      (syntax-rules () ((_ v n) (set! v (+ v n)))))
    (define-syntax check
      (syntax-rules (=>)
        ((_ expr => expected) (report 'expr (equal? expr expected)))))
    (define-syntax inc!
      (syntax-rules () ((_ v) (bump v 1)) ((_ v n) (bump v n))))
    (define log '())
    (define-syntax with-logging
      (syntax-rules ()
        ((_ name body ...)
         (begin (set! log (cons 'name log))
                (let ((result (begin body ...)))
                  (display (list 'log log))
                  (newline)
                  result)))))))
