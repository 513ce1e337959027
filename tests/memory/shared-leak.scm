;; The shared part of the memory report: emergency-exit releases nothing, so
;; the report lists the shared values still alive with the place that made
;; each one (checked by rss.py): 4 made, 1 freed (tmp, at its let's end),
;; 3 alive: a (its global), b and c (the root region holds them for the list).
(define a (shared 'a))
(define b (list (shared 'b) (shared 'c)))
(let ((tmp (shared 'tmp (lambda (v) (display "tmp destroyed\n")))))
  'ok)
(emergency-exit 0)
