;; What counts as an owning reference: bindings, globals, a region whose
;; containers hold the value (once per region), a shared value holding it,
;; a temporary. What does not: arguments, weak references.
(define s (shared 'value))
(define (count-of x) (ref-count x))
(display (count-of s))                         ; 1: arguments borrow
(newline)
(let ((a s) (b s))
  (display (ref-count s))                      ; 3: two more bindings
  (newline))
(define (nested x) (let ((y x)) (count-of y)))
(display (nested s))                           ; 2
(newline)
(display (ref-count (shared 'temporary)))      ; 1: the temporary itself
(newline)
(define lst (list s))
(display (ref-count s))                        ; 2: the root region holds it
(newline)
(define (capture x) (lambda () x))
(define c (capture s))
(display (ref-count s))                        ; 2: the same region
(newline)
(define s2 (shared 'two))
(define c2 (capture s2))
(display (ref-count s2))                       ; 2: global, and the closure's region
(newline)
(define w (weak-ref s2))
(display (ref-count s2))                       ; 2
(newline)
(define outer (shared s2))
(display (list (ref-count s2) (ref-count outer) (eq? (shared-value outer) s2)))
(newline)
(display (ref-count (c)))                      ; what the closure captured: s
(newline)
