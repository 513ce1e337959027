;; strong-ref needs a weak reference, not the shared value itself.
(define s (shared 'x))
(display "before\n")
(strong-ref s)
(display "not reached\n")
