;; + - * / % on words. + and * take any number of arguments, - at least
;; one (one: negation), / at least two, % exactly two. Division truncates
;; toward zero; a remainder has the sign of the dividend.
(print (+))                 ; 0, the identity
(print (+ 5))               ; 5
(print (+ 1 2 3 4))         ; 10
(print (*))                 ; 1
(print (* 2 3 7))           ; 42
(print (- 7))               ; -7
(print (- 10 3 2))          ; (10 - 3) - 2 = 5
(print (/ 17 5))            ; 3
(print (/ -17 5))           ; -3.4 truncated: -3
(print (/ 17 -5))           ; -3
(print (/ -17 -5))          ; 3
(print (/ 100 5 2))         ; (100 / 5) / 2 = 10
(print (% 17 5))            ; 2
(print (% -17 5))           ; -17 = -3*5 - 2: -2
(print (% 17 -5))           ; 17 = -3*-5 + 2: 2
(print (% -17 -5))          ; -2
(define x 40)
(print (+ x 2))             ; 42
(print (- x 50))            ; -10
(print (+ 2 x))             ; 42
(print (- 0 x))             ; -40
(print (* (+ 1 2) (- 10 4))) ; 3 * 6 = 18
(print (+ x x x))           ; 120
(- (* 6 7) 0)               ; the program's value: 42
