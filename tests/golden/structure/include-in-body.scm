; include in a body splices definitions into it; where an expression is
; expected it is a begin of the file's forms.
(import (scheme base) (scheme write))
(define (f)
  (include "include/body.ss")
  (+ local-a local-b))
(display (f)) (newline)
(display (let () (include "include/body.ss") (list local-a local-b))) (newline)
(display (include "include/expr.ss")) (newline)
(define-syntax include-twice
  (syntax-rules () ((_ file) (list (include file) (include file)))))
(display (include-twice "include/expr.ss")) (newline)
