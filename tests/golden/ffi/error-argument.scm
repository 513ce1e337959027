;; A wrong Scheme value for a C argument is the usual run-time error, at the
;; call's location; C never sees it.
(c-include "<stdlib.h>")
(define-c-procedure c-labs "labs" (long) long)
(display (c-labs -5))
(newline)
(display (c-labs (* 4611686018427387904 4)))
(newline)
