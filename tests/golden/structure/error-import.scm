; Libraries eshkol does not provide (nor the search path holds) and
; malformed import sets are errors at their place; import and define-library
; belong at the top level.
(import (scheme base) (srfi 2) (scheme load) (scheme complex) (mylib util))
(import (prefix (scheme base)) (rename (scheme write) (display)) (only (scheme base) 1))
(import (only (foo) bar))
(import scheme)
(define (f) (import (scheme base)) 1)
(define (g) (define-library (my lib) (export f) (begin (define (f) 1))) 1)
