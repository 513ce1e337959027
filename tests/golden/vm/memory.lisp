;; mem-read and mem-write (the LOAD and STORE instructions) on the heap.
;; mem-write's value is the value written. Memory starts zeroed.
(define arr 16384)                      ; the first heap word
(for (i 0 10) (mem-write (+ arr i) (* i i)))
(define sum 0)
(for (i 0 10) (set sum (+ sum (mem-read (+ arr i)))))
(print sum)                             ; 0+1+4+9+16+25+36+49+64+81 = 285

(define (reverse! a n)
  (do
    (define i 0)
    (define j (- n 1))
    (while (< i j)
      (define t (mem-read (+ a i)))
      (mem-write (+ a i) (mem-read (+ a j)))
      (mem-write (+ a j) t)
      (set i (+ i 1))
      (set j (- j 1)))
    0))
(reverse! arr 10)
(print (mem-read arr))                  ; was arr[9] = 81
(print (mem-read (+ arr 9)))            ; was arr[0] = 0
(print (mem-read (+ arr 4)))            ; was arr[5] = 25

(print (mem-write 30000 -5))            ; -5
(print (mem-read 30000))                ; -5
(print (mem-read 40000))                ; never written: 0
(print (mem-read 16383))                ; the code segment's last word, past
                                        ; this small program: 0
(mem-write 49151 7)                     ; just below the stack (16384 words
(mem-read 49151)                        ; from 49152 up): 7
