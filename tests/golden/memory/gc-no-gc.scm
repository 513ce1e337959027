;;; eshkolc: --no-gc
;; --no-gc: no collector, the root region only grows (docs/memory.md);
;; every other part of the memory model works as before: regions promote,
;; the store check patches older objects, shared values count.
(define old (list 'old))
(define r (with-region (let ((l (list 1 2 3))) (set-cdr! old l) (cons 'new l))))
(write r) (newline)
(write old) (newline)
(define s (shared (list 'payload)))
(display (ref-count s)) (newline)
(define (churn n acc) (if (= n 0) (length acc) (churn (- n 1) (cons n (if (> (length acc) 10) '() acc)))))
(display (churn 100000 '())) (newline)
