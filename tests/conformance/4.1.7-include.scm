;;; R7RS 4.1.7 Inclusion: include and include-ci, at top level and in a body.
;;; The files are in data/ beside this one.
(import (scheme base) (scheme write))

(include "data/include-defs.scm")
(include "data/include-ci.scm" "data/include-more.scm")
(include-ci "data/include-ci.scm")

(check "4.1.7 include top-level definition" (lambda () included-value) 42)
(check "4.1.7 include top-level procedure" (lambda () (included-double 21)) 42)
(check "4.1.7 include several files in order" (lambda () included-after) 43)
(check "4.1.7 include keeps case" (lambda () CI-Value) 'MixedCase)
;; guile 3.0.8's include-ci does not fold case.
(check "4.1.7 include-ci folds case" (lambda () ci-value) 'mixedcase)
(check "4.1.7 include in a body" (lambda () (let () (include "data/include-body.scm"))) 20)
