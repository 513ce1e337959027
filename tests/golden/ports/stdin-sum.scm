;;; stdin: 3
;;; stdin: 10 20
;;; stdin: 30
; A typical program: a count, then that many numbers, read with read.
(define n (read))
(define (sum k acc)
  (if (= k 0) acc (sum (- k 1) (+ acc (read)))))
(display (sum n 0))
(newline)
