;;; eshkolc: --dump=ownership
; --dump=ownership: bindings that hold owned or borrowed values, how each
; reference uses them, and what each call of a loop does to the owned
; variables it captures.
(define (finish x) (close x))
(let ((f (owned 42)))
  (borrow f (display f))
  (let loop ((i 0))
    (if (< i 2)
        (begin (display f) (loop (+ i 1)))
        (finish f))))
