; Using a value after it moved to another binding, or into a procedure.
(define (finish x) (consume x))
(let ((f (owned "a")))
  (let ((g (move f)))
    (display f)
    (consume g)))
(let ((h (owned "b")))
  (finish h)
  (display h))
