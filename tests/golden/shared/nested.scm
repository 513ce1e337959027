;; A shared value can hold another: the outer one owns a reference to the
;; inner one, released after the outer one's destructor.
(define inner (shared 'inner (lambda (v) (display "  destroy inner\n"))))
(define outer
  (shared inner (lambda (v) (display "  destroy outer, holding ") (display (shared-value v)) (newline))))
(display (ref-count inner))
(newline)
(set! inner #f)
(display (ref-count (shared-value outer)))
(newline)
(set! outer #f)
(display "end\n")
