;; Included by ../helper.lisp, and again (to no effect) by include.lisp.
(define inner-count 0)
(set inner-count (+ inner-count 1))
(define (inner-triple x) (* x 3))
