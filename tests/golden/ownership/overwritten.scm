; set! of an owned variable needs the old value consumed, and a new owned value.
(let ((f (owned 1)))
  (set! f (owned 2))
  (consume f))
(let ((g (owned 1)))
  (consume g)
  (set! g 5))
