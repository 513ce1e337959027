;; Division by zero traps.
;; By hand: 0 ENTER, 1 LIT 0, 2 STG zero, 3 LIT 10, 4 LIT 2, 5 DIV, 6 PRINT,
;; 7 POP, 8 LIT 7, 9 LDG zero, 10 DIV.
(define zero 0)
(print (/ 10 2))
(print (/ 7 zero))
