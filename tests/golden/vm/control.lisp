;; if, while, for. (for (i from to) body ...) counts i from `from` up to
;; `to`, exclusive; both are evaluated once, before the first turn.
;; while and for are 0; an if without else is 0 when its test is 0.
(print (if 1 10 20))          ; 10
(print (if 0 10 20))          ; 20
(print (if 0 10))             ; 0
(print (if 5 10))             ; 10
(define i 0)
(define sum 0)
(while (< i 5)
  (set sum (+ sum i))
  (set i (+ i 1)))
(print sum)                   ; 0+1+2+3+4 = 10
(print (while 0 1))           ; 0
(define total 0)
(for (k 0 4) (set total (+ total k)))
(print total)                 ; 0+1+2+3 = 6
(for (k 5 5) (print 999))     ; no turns
(for (k 3 1) (print 999))     ; no turns
(define n 3)
(for (k 0 (+ n 1)) (print k)) ; 0 1 2 3
(define lim 3)
(for (k 0 lim)                ; the limit was read once: 0 1 2
  (set lim 10)
  (print k))
(print lim)                   ; 10
(define acc 0)
(for (a 1 4)
  (for (b 1 4)
    (set acc (+ acc (* a b)))))
(print acc)                   ; (1+2+3) * (1+2+3) = 36
(print (for (k 0 2) k))       ; 0
(for (k 0 10)                 ; k: 0, printed, set to 4, stepped to 5;
  (print k)                   ; 5, printed, set to 9, stepped to 10: done
  (set k (+ k 4)))
(for (k -2 1) (print k))      ; -2 -1 0
(do (do) 7)                   ; (do) is 0; the program's value is 7
