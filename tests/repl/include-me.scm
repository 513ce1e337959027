;; Included by syntax.in (include is relative to the working folder).
(define included-value 'from-the-file)
(define (included-double n) (* 2 n))
