; Malformed do loops: no test clause, bindings without an init or with too many parts.
(do ((i 0 (+ i 1))))
(do ((i)) (#t))
(do ((i 0 1 2)) (#t))
(do ((i 0)) ())
(do x (#t))
