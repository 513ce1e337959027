;;; exit: 3
;; (exit) lets every owner go: the live bindings, innermost first, then the
;; globals in reverse definition order, then the root region's containers.
(define (noisy name) (lambda (v) (display "  destroy ") (display name) (newline)))
(define global-1 (shared 1 (noisy "first global")))
(define kept (list (shared 2 (noisy "in a list"))))
(define global-2 (shared 3 (noisy "second global")))
(let ((outer (shared 4 (noisy "outer binding"))))
  (let ((inner (shared 5 (noisy "inner binding"))))
    (display "exiting\n")
    (exit 3)))
(display "not reached\n")
