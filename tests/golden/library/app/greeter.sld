; A library importing another: (app base) is scanned and initialised first,
; once, though both this library and the program import it.
(define-library (app greeter)
  (export greet-loudly (rename greet plain-greet) base-trace)
  (import (scheme base) (scheme write) (prefix (app base) base:))
  (begin
    (display "initialising (app greeter)") (newline)
    (define (base-trace) base:trace)
    (define (greet-loudly name) (base:shout (base:greet name)))
    (define greet base:greet)))
