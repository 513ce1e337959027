;;; Pasted by tools/bench after prelude-chicken.scm in front of
;;; hashtable.scm: CHICKEN 5 has SRFI 69 in the srfi-69 egg (chicken-install
;;; srfi-69); without it this benchmark cannot be built with CHICKEN.
(import srfi-69)
