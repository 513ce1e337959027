;; (include "file" ...) splices a file's forms in place of the include,
;; at top level or in a top-level do. Paths are relative to the including
;; file; a file is included once, later includes of it do nothing.
(include ".include/helper.lisp")
(include ".include/helper.lisp")
(print (helper-double 21))        ; 42
(print helper-constant)           ; 7
(print (inner-triple 5))          ; 15
(do
  (include ".include/sub/inner.lisp")
  inner-count)                    ; inner.lisp ran once: 1
