; Calling something that is not a procedure.
(define five 5)
(display (five 1))
