;;; env: ESHKOL_MEMSTATS=1
;;; exit: 0
;; emergency-exit releases nothing: the memory report lists the shared
;; values still alive, with the place that made each one.
(define a (shared 'a))
(define b (list (shared 'b) (shared 'c)))
(let ((tmp (shared 'tmp (lambda (v) (display "tmp destroyed\n")))))
  'ok)
(emergency-exit 0)
