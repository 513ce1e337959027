; A file that includes itself, directly or not, is an error where it does.
(include "include/cycle-a.ss")
(define (f) (include "error-include-cycle.scm"))
