;; print writes "DEBUG: <n>" and gives back n; arguments are evaluated
;; left to right. The program's value is its last form's.
(print (print 5))                  ; 5 twice
(print (+ (print 1) (print 2)))    ; 1, 2, then 3
(print -42)
(define (f) (print 9))
(+ (f) 1)                          ; prints 9; the value is 10
