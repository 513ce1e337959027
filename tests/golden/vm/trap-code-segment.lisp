;; Writing into the code segment [0, 16384) traps, here inside a procedure.
;; By hand: top level 0 ENTER, 1 LIT 7, 2 PRINT, 3 POP, 4 LIT 100,
;; 5 CALL poke, 6 HALT; poke: 7 ENTER, 8 LDL 2, 9 LIT 0, 10 STORE.
(define (poke addr) (mem-write addr 0))
(print 7)
(poke 100)
