; An owned value consumed on one branch only: the error is at its binding,
; the note at the branch that leaves it.
(define (first-line path)
  (let ((f (owned (string-append path ".txt"))))
    (if (> (string-length path) 3)
        (begin (display f) (close f))
        (display "too short"))))
(first-line "data")
