;; Coalescing: a freed block merges with the free neighbours it touches,
;; on either side, so free blocks are never adjacent.
;; By hand, over [20000, 20100): four blocks of 10 words (8 + header) at
;; 20000, 20010, 20020, 20030; the rest, 20040 (60), is free: 60 1 60
;;   free b (20010): neighbours 20000 and 20020 are in use: 70 2 60
;;   free d (20030): touches 20040 above: one block 20030 (70): 80 2 70
;;   free c (20020): touches 20010 below and 20030 above: one block
;;     20010 (90): 90 1 90
;;   free a (20000): touches 20010: one block 20000 (100): 100 1 100
;;   98 words (needs 100) now fit: 20002, nothing left: 0 0 0
(include "../../../stdlib/vm/freelist.lisp")
(fl-init 20000 20100)
(define a (print (fl-alloc 8)))    ; 20002
(define b (print (fl-alloc 8)))    ; 20012
(define c (print (fl-alloc 8)))    ; 20022
(define d (print (fl-alloc 8)))    ; 20032
(fl-print-stats)                   ; 60 1 60
(print (fl-free b))                ; 0
(fl-print-stats)                   ; 70 2 60
(print (fl-free d))                ; 0
(fl-print-stats)                   ; 80 2 70
(print (fl-free c))                ; 0
(fl-print-stats)                   ; 90 1 90
(print (fl-free a))                ; 0
(fl-print-stats)                   ; 100 1 100
(define big (print (fl-alloc 98))) ; 20002
(fl-print-stats)                   ; 0 0 0
(fl-free big)
(fl-largest-free)                  ; 100
