; An owned value never consumed, and one created in each iteration of a
; loop but not consumed in that iteration.
(let ((f (owned 'resource)))
  (display f)
  (newline))
(do ((i 0 (+ i 1))) ((= i 3))
  (let ((g (owned i)))
    (display g)))
