;;; env: ESHKOL_MEMSTATS=1
;;; exit: 0
;; A normal exit releases everything: the report lists nothing alive.
(define a (shared 'a))
(define b (list (shared 'b) (shared 'c)))
(let ((tmp (shared 'tmp)))
  (display (ref-count tmp))
  (newline))
