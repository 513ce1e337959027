; Libraries eshkol does not provide and malformed import sets are errors at
; their place; import belongs at the top level.
(import (scheme base) (srfi 2) (scheme eval) (scheme complex) (mylib util))
(import (prefix (scheme base)) (rename (scheme write) (display)) (only (scheme base) 1))
(import (only (foo) bar))
(import scheme)
(define (f) (import (scheme base)) 1)
(define-library (my lib) (export f) (begin (define (f) 1)))
