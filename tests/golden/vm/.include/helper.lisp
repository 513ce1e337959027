;; Included by include.lisp (this folder starts with a dot, so the golden
;; runner does not take these files for programs of their own).
(include "sub/inner.lisp")        ; relative to this file
(define helper-constant 7)
(define (helper-double x) (* x 2))
