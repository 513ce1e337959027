;; rationalize: the simplest rational within y of x, inexact when an argument is
;; (expected output checked with guile 3.0.8 and Chez Scheme 9.5.8).
(for-each (lambda (p) (write (rationalize (car p) (cdr p))) (newline))
  (list (cons 3/10 1/10) (cons .3 1/10) (cons 1/4 1/4) (cons -3/10 1/10) (cons 5 0) (cons 22/7 0) (cons 3.14159 0.001)
        (cons 3 +inf.0) (cons +inf.0 3) (cons -1/3 1/100) (cons 0 1) (cons 7/2 -1/2) (cons 1/3 0.0)))
