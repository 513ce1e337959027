; cond-expand over library declarations: which imports, which bodies, even
; which exports depend on the features and on the libraries available.
(define-library (conf impl)
  (export implementation has-util-a)
  (cond-expand
    ((and eshkol (library (scheme base)))
     (import (scheme base))
     (begin (define implementation "eshkol")))
    (else
     (import (scheme base))
     (begin (define implementation "another Scheme"))))
  (cond-expand
    ((library (util a))
     (import (util a))
     (begin (define (has-util-a) (describe-a))))
    (else (begin (define (has-util-a) "no (util a)"))))
  (cond-expand
    ((library (no such-library)) (export missing))
    (else (export (rename implementation impl-name))))
  (include-library-declarations "impl-extra.decl"))
