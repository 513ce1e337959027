; A value captured by a loop and moved (or consumed) in its body is gone
; on the next iteration.
(define (drain x) (consume x))
(let ((f (owned 'a)))
  (do ((i 0 (+ i 1))) ((= i 3))
    (drain f)))
(let ((g (owned 'b)))
  (let loop ((i 0))
    (when (< i 3)
      (consume g)
      (loop (+ i 1)))))
