;; A weak reference does not keep its value alive: strong-ref gives the
;; value while some owner holds it, and #f once it is released.
(define s (shared "payload" (lambda (v) (display "  destroy ") (display v) (newline))))
(define w (weak-ref s))
(display (list (shared? s) (weak-ref? w) (shared? w) (weak-ref? s)))
(newline)
(display (ref-count s))                ; weak references do not count
(newline)
(display (eq? (strong-ref w) s))
(newline)
(let ((again (strong-ref w)))          ; a binding owns what strong-ref gives
  (display (ref-count s))
  (newline))
(display (ref-count s))
(newline)
(display (shared-value (strong-ref w)))
(newline)
(set! s #f)
(display (strong-ref w))
(newline)
(display (weak-ref? w))
(newline)

;; while its destructor runs, a value is already released
(define a-weak #f)
(define a (shared 'a (lambda (v) (display "  in the destructor: ") (display (strong-ref a-weak)) (newline))))
(set! a-weak (weak-ref a))
(display (shared-value (strong-ref a-weak)))
(newline)
(set! a #f)
(display (strong-ref a-weak))
(newline)
