; A procedure that takes ownership of its argument (one call moves an
; owned value into it) cannot also be lent a borrowed one.
(define (finish x) (consume x))
(let ((f (owned 1)) (g (owned 2)))
  (borrow f (finish f))
  (finish g)
  (consume f))
