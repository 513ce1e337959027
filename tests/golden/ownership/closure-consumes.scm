; A closure that may run at any time (here for-each's) can only borrow the
; owned values it captures.
(let ((f (owned (vector 0))))
  (for-each (lambda (x) (vector-set! f 0 x)) '(1 2 3))
  (for-each (lambda (x) (consume f)) '(1 2 3)))
