;; The stdlib free-list allocator: allocation, freeing and reuse (first fit).
;; By hand (a block is the request plus a 2-word header; the caller gets
;; the block's address + 2):
;;   init [20000, 21000): one free block of 1000
;;   a = 100: block 20000 (102), returns 20002; free: 20102 (898)
;;   b = 50:  block 20102 (52),  returns 20104; free: 20154 (846)
;;   c = 10:  block 20154 (12),  returns 20156; free: 20166 (834)
;;   stats: 834 free words, 1 block, largest 834
;;   free b: 20102 (52) joins the list; c sits between it and 20166, so
;;     no merge: 886 words, 2 blocks, largest 834
;;   d = 40 (needs 42): first fit is 20102 (52): split, returns 20104 (b's
;;     old address); the rest, 20144 (10), stays free: 844, 2, 834
;;   e = 8 (needs 10): 20144 (10) fits exactly: returns 20146: 834, 1, 834
(include "../../../stdlib/vm/freelist.lisp")
(print (fl-init 20000 21000))     ; 1000
(define a (print (fl-alloc 100)))  ; 20002
(define b (print (fl-alloc 50)))   ; 20104
(define c (print (fl-alloc 10)))   ; 20156
(fl-print-stats)                   ; 834 1 834
(print (fl-block-size b))          ; 52
(print (fl-free b))                ; 0
(fl-print-stats)                   ; 886 2 834
(define d (print (fl-alloc 40)))   ; 20104
(fl-print-stats)                   ; 844 2 834
(define e (print (fl-alloc 8)))    ; 20146
(fl-print-stats)                   ; 834 1 834
(mem-write (+ d 39) 5)             ; d's last word, right below e's header
(print (fl-block-size e))          ; untouched: 10
(fl-free-words)                    ; 834
