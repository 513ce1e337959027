;; Comparisons give 1 or 0; every word but 0 is true. and/or short-circuit:
;; (and ...) is 0 at the first 0, else its last value ((and) is 1);
;; (or ...) is its first value that is not 0, else 0 ((or) is 0).
(print (< 1 2))          ; 1
(print (< 2 1))          ; 0
(print (> 2 1))          ; 1
(print (= 3 3))          ; 1
(print (= 3 4))          ; 0
(print (<= 3 3))         ; 1
(print (>= 2 3))         ; 0
(print (!= 2 3))         ; 1
(print (!= 3 3))         ; 0
(print (< -5 3))         ; signed: 1
(print (not 0))          ; 1
(print (not 7))          ; 0
(print (and))            ; 1
(print (and 1 2 3))      ; 3
(print (and 1 0 3))      ; 0
(print (or))             ; 0
(print (or 0 0 5 6))     ; 5
(print (or 0 0))         ; 0
(print #t)               ; 1
(print #f)               ; 0

(define hits 0)
(define (hit v)
  (do
    (set hits (+ hits 1))
    v))
(print (and (hit 0) (hit 1)))   ; the second hit never runs: 0
(print hits)                    ; 1
(print (or (hit 4) (hit 1)))    ; 4, again one hit
(print hits)                    ; 2

;; The same forms as tests of if and while compile to jumps.
(if (and (< 1 2) (not (> 1 2))) (print 100) (print 200))   ; 100
(if (or (= 1 2) (= 2 3)) (print 300) (print 400))          ; 400
(if (not (or (hit 0) (hit 0))) (print 500))                ; 500; hits 4
(print hits)                                               ; 4
(if (and) (print 600))                                     ; 600
(if (or) (print 700) (print 800))                          ; 800
(and (hit 1) (hit 0) (hit 1))                              ; for effect: 2 hits
hits                                                       ; 6
