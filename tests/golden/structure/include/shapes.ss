; Included by include-basic.scm (files under include/ are not test programs).
(define (square x) (* x x))
(define (area-of-circle r) (* 3 (square r)))
(display "shapes.ss loaded")
(newline)
