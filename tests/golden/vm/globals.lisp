;; A define anywhere in top-level code (outside procedures) makes a global:
;; one slot in the code segment, after the bytecode, starting at 0.
;; Procedures see every global; top-level code sees those defined above.
(define (show) (print later))     ; later is defined below
(define later 5)
(show)                            ; 5
(set later 6)
(show)                            ; 6
(if 1 (define in-if 7))
(print in-if)                     ; 7
(for (i 0 3) (define last-i i))
(print last-i)                    ; 2
(while 0 (define never 1))
(print never)                     ; defined above, never run: 0
(define x 1)
(define (shadow x) (* x 10))
(print (shadow 4))                ; the parameter: 40
(print x)                         ; 1
(define hist 0)
(define (record v) (set hist (+ (* hist 10) v)))
(record 1)
(record 2)
(record 3)
hist                              ; 123
