; A library file may end in .scm too (looked for after .sld).
(define-library (extra lists)
  (export fold-left)
  (import (scheme base))
  (begin
    (define (fold-left f acc xs)
      (if (null? xs) acc (fold-left f (f acc (car xs)) (cdr xs))))))
