; The same name twice in one parameter list or one let is an error.
(define f (lambda (a b a) a))
(define (g x . x) x)
(let ((v 1) (w 2) (v 3)) v)
