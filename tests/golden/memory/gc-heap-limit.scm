;;; env: ESHKOL_HEAP_MAX=4
;;; configs: gcc-O0,gcc-O2,clang-O0,clang-O2,asan
;; A program whose live data outgrows ESHKOL_HEAP_MAX (4 MB): the collector
;; finds nothing to free, and the program stops with a clear error, after
;; what it printed before. (Not under gcstress or valgrind: it keeps
;; hundreds of thousands of pairs live, which each collection marks.)
(display "start")
(newline)
(define (grow l n) (if (= n 0) l (grow (cons n l) (- n 1))))
(define kept (grow '() 10000))
(display (length kept))
(newline)
(let loop ((l kept) (n 0))
  (loop (cons n l) (+ n 1)))
