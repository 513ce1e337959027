;; An error in a callback that nobody handles is reported with its location
;; and ends the program, like any other.
(c-include "<stdlib.h>")
(define-c-procedure c-qsort "qsort" (bytevector size_t size_t (function int (const pointer) (const pointer))) void)
(define-c-callback broken ((const pointer) (const pointer)) int
  (lambda (a b) (car (pointer-u8-ref a 0))))
(display "sorting")
(newline)
(c-qsort (bytevector 2 1) 2 1 broken)
(display "not reached")
