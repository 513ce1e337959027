;; Reading past the last word of memory traps; the output so far stays.
;; By hand: 0 ENTER, 1 LIT 1, 2 PRINT, 3 POP, 4 LIT 65536, 5 LOAD.
(print 1)
(mem-read 65536)
