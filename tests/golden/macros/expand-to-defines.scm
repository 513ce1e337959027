; Macros that expand into top-level definitions: names the user passes are
; defined for the user; names the macro introduces are its own, one per
; expansion, and do not clash with the user's.
(import (scheme base) (scheme write))
(define-syntax define-getters
  (syntax-rules ()
    ((_ (name val) ...) (begin (define (name) val) ...))))
(define-getters (get-a 1) (get-b 2))
(write (+ (get-a) (get-b))) (newline)
(define-syntax define-counter
  (syntax-rules ()
    ((_ name) (begin (define count 0)
                     (define (name) (set! count (+ count 1)) count)))))
(define-counter tick)
(define-counter tock)
(tick) (tick)
(write (list (tick) (tock))) (newline)
(define count 'user-count)
(write (list count (tick))) (newline)
; a definition used before the macro use that makes it
(define (use-late) (late-value))
(define-syntax define-constant
  (syntax-rules () ((_ name v) (define (name) v))))
(define-constant late-value 'late)
(write (use-late)) (newline)
; an introduced name that is also a library procedure's name hides neither
(define-syntax define-with-own-filter
  (syntax-rules ()
    ((_ name) (begin (define (filter x) (list 'own x)) (define (name) (filter 1))))))
(define-with-own-filter own)
(write (list (own) (filter odd? '(1 2 3)))) (newline)
