;;; configs: gcc-O0,gcc-O2,clang-O0,clang-O2
;; A value copied into an arena and used after destroy-arena: the arena's
;; memory is gone and inaccessible, so the use is a clear error, never a
;; read of freed memory.

(define a (make-arena 1024))
(define l (copy-to-arena (list 1 2 3) a))
(display (car l)) (newline)
(destroy-arena a)
(display "destroyed") (newline)
(display (cadr l)) (newline)
(display "not reached") (newline)
