;; A local variable read whose value is dropped (a let body or a parameter
;; before another expression) is still a read in the C: no "set but not
;; used" warning under -Werror.
(define (inner-scope) (let ((x 1)) (let ((x 2)) x) x))
(define (param-first y) y 3)
(define (closure-var) (let ((k (lambda () 1))) k (k)))
(define (boxed z) (let ((b z)) (set! b 5) b (lambda () b)) 6)
(display (list (inner-scope) (param-first 1) (closure-var) (boxed 0)))
(newline)
