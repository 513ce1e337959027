;; A remainder by zero traps too. By hand: 0 ENTER, 1 LIT 5, 2 LIT 0, 3 MOD.
(% 5 0)
