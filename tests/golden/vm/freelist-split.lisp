;; Block splitting: a free block bigger than a request is split when the
;; rest makes a block of at least FL_MIN_BLOCK (3) words; else the whole
;; block is handed out.
;; By hand, over [30000, 30020), 20 words:
;;   a = 5 (needs 7): 20 - 7 = 13 >= 3: split; returns 30002; free 30007 (13)
;;   b = 9 (needs 11): 13 - 11 = 2 < 3: b gets all 13; returns 30009
;;   nothing is free: 0 0 0, and a 1-word request fails
;;   free a: 30000 (7), which b's block does not touch: 7 1 7
;;   c = 4 (needs 6): 7 - 6 = 1: whole block; returns 30002; freed again
;;   d = 2 (needs 4): 7 - 4 = 3: split; returns 30002; free 30004 (3): 3 1 3
;;   e = 1 (needs 3): the 3-word block exactly; returns 30006: 0 0 0
(include "../../../stdlib/vm/freelist.lisp")
(fl-init 30000 30020)
(define a (print (fl-alloc 5)))    ; 30002
(define b (print (fl-alloc 9)))    ; 30009
(print (fl-block-size b))          ; 13
(fl-print-stats)                   ; 0 0 0
(print (fl-alloc 1))               ; 0
(print (fl-free a))                ; 0
(fl-print-stats)                   ; 7 1 7
(define c (print (fl-alloc 4)))    ; 30002
(print (fl-block-size c))          ; 7
(print (fl-free c))                ; 0
(define d (print (fl-alloc 2)))    ; 30002
(fl-print-stats)                   ; 3 1 3
(define e (print (fl-alloc 1)))    ; 30006
(fl-print-stats)                   ; 0 0 0
(print (fl-alloc 0))               ; not a request: 0
(fl-block-size d)                  ; 4
