; Inside borrow, passing the value to a procedure lends it: that procedure
; must not consume it.
(define (peek-and-close x)
  (display x)
  (consume x))
(let ((f (owned "data")))
  (borrow f (peek-and-close f))
  (consume f))
