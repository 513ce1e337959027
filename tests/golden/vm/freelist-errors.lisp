;; What the allocator refuses: freeing twice or what it never handed out
;; (-1), requests that do not fit or are not requests (0).
;; By hand, over [20000, 20050): a = 10 -> 20002 (block 12, rest 20012 (38));
;; freeing it merges the two again: one block of 50, whose second header
;; word is now a list link (0), not the in-use mark, so a second free is
;; refused. 12345 is outside the heap; 0 too. 49 words need 51 > 50; 48
;; need exactly 50: 20002, and then nothing is left.
(include "../../../stdlib/vm/freelist.lisp")
(fl-init 20000 20050)
(define a (fl-alloc 10))
(print a)                  ; 20002
(print (fl-free a))        ; 0
(print (fl-free a))        ; -1
(print (fl-free 12345))    ; -1
(print (fl-free 0))        ; -1
(print (fl-alloc 49))      ; 0
(print (fl-alloc 48))      ; 20002
(print (fl-alloc 1))       ; 0
(print (fl-alloc -5))      ; 0
(fl-free-blocks)           ; 0
