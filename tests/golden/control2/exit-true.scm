; (exit #t) reports success: status 0.
(for-each (lambda (x) (display x) (when (= x 3) (exit #t))) '(1 2 3 4 5))
(newline)
