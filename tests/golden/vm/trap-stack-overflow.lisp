;; Recursion without end runs out of stack: the ENTER of the procedure
;; (pc 4: after the top level's ENTER, LIT 0, CALL, HALT) finds no room.
(define (down n) (+ 1 (down (+ n 1))))
(down 0)
