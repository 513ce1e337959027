;; Writing below address 0 traps.
;; By hand: 0 ENTER, 1 LIT -1, 2 STG p, 3 LDG p, 4 LIT 3, 5 STORE.
(define p -1)
(mem-write p 3)
