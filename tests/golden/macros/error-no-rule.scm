; A use no rule matches is an error at the use, naming the macro.
(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define x 1)
(define y 2)
(swap! x)
(define (f) (swap! x y 3))
