;;; system.scm - features (R7RS 6.14): the feature identifiers of this
;;; implementation. cond-expand tests the same list: the compiler reads it
;;; from this definition (compiler/expand_structure.cpp), so they agree.

(define (features)
  '(r7rs exact-closed exact-complex complex ratios full-unicode ieee-float posix eshkol))
