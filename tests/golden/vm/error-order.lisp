;; Top-level code may only use a global below its definition (procedures
;; may use any), and a micro may not expand into itself.
(print early)
(define early 3)
(define (fine) early)
(defmicro (loop x) (loop x))
(loop 1)
