; A borrowed value cannot be consumed, nor moved, inside the borrow.
(let ((f (owned 1)))
  (borrow f
    (display f)
    (consume f))
  (consume f))
(let ((g (owned 2)))
  (borrow g
    (let ((h (move g)))
      (consume h)))
  (consume g))
