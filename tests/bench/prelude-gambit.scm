;;; Pasted by tools/bench in front of every benchmark compiled with Gambit.
;;; eshkol compiles whole programs and assumes the standard procedures are
;;; not redefined; these declarations tell Gambit the same. Safety checks
;;; stay on (no `(not safe)`), as in eshkol.
(declare (standard-bindings) (extended-bindings) (block))
