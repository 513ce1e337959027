;; A normal exit releases every shared value: the report (checked by rss.py)
;; says 4 created, 4 freed, 0 alive.
(define a (shared 'a))
(define b (list (shared 'b) (shared 'c)))
(let ((tmp (shared 'tmp)))
  (display (ref-count tmp))
  (newline))
