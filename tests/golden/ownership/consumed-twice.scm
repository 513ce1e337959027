; Consuming twice, and using after consuming.
(let ((f (owned 1)))
  (consume f)
  (close f))
(let ((g (owned 2)))
  (consume g)
  (display g))
