;;; system.scm - (scheme process-context) and friends written in Scheme.

;; R7RS features: the identifiers cond-expand tests. Keep in step with the
;; list in compiler/expand_structure.cpp (tests/golden/structure/features
;; checks that the two agree).
(define (features)
  (list 'r7rs 'exact-closed 'ratios 'full-unicode 'ieee-float 'posix 'eshkol))
