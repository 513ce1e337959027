;; set! releases the value a variable held: its destructor runs at once.
(define (noisy name)
  (lambda (v) (display "  destroy ") (display name) (display " ") (display v) (newline)))

(define g (shared 1 (noisy "g")))
(display "set! g\n")
(set! g (shared 2 (noisy "g")))
(display "set! g to itself\n")
(set! g g)
(display (ref-count g))
(newline)
(display "set! g to #f\n")
(set! g #f)

(define (local)
  (let ((s (shared 'first (noisy "s"))))
    (display "set! s\n")
    (set! s (shared 'second (noisy "s")))
    (display "leaving\n")))
(local)

;; A variable captured by a procedure and assigned lives in a box that owns
;; its value (and lives as long as the procedure: the root region's, here).
(define (make-slot)
  (let ((v (shared 'initial (noisy "slot"))))
    (lambda (new) (set! v new) (ref-count v))))
(define slot (make-slot))
(display (slot (shared 'replaced (noisy "slot"))))  ; the box and the argument
(newline)
(display "end\n")
