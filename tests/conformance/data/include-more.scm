;; Read by 4.1.7-include.scm, after include-defs.scm in the same include.
(define included-after (+ included-value 1))
