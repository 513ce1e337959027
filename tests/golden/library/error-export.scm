; A library cannot export what it neither defines nor imports; an imported
; name cannot be defined again; the same name cannot be imported with two
; meanings; a library is defined once.
(define-library (fine)
  (export ok (rename ok okay))
  (import (scheme base))
  (begin (define (ok) 'ok)))
(define-library (other)
  (export ok)
  (import (scheme base))
  (begin (define (ok) 'other-ok)))
(define-library (ghostly)
  (export ghost)
  (import (scheme base)))
(define-library (fine) (export))
(import (scheme base) (scheme write) (fine))
(define (ok) 'redefined)
(import (rename (fine) (okay ok)))
(import (other) (ghostly))
