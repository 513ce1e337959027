;;; eshkolc: --stats --dump=bytecode
;; --dump=bytecode lists each instruction with its address; --stats prints
;; the bytecode's size to stderr. By hand (see docs/vm.md):
;;   top level:   ENTER 0 3 (no locals; at most 1 word plus the 2 of a call
;;                header), LIT 3, STG limit, LDG limit, CALL twice, HALT
;;   twice:       ENTER 0 2 (two operands), LDL 2 (the only argument is at
;;                fp + 2), LDL 2, ADD, RET 1
;; 11 words; the one global slot follows at 11.
(define limit 3)
(define (twice x) (+ x x))
(twice limit)
