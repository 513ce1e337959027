; Libraries eshkol does not provide, and import sets it does not support,
; are errors at their names; import belongs at the top level.
(import (scheme base) (srfi 2) (scheme eval) (scheme complex) (mylib util))
(import (prefix (scheme base) base:) (rename (scheme write) (display show)))
(import (only (foo) bar))
(import scheme)
(define (f) (import (scheme base)) 1)
(define-library (my lib) (export f) (begin (define (f) 1)))
