;;; hello.scm - the first eshkol program.
;;;   tools/run examples/hello.scm
;;; or by hand:
;;;   eshkolc examples/hello.scm -o hello.c && cc hello.c -o hello && ./hello

(define (greet name)
  (display "Hello, ")
  (display name)
  (display "!")
  (newline))

(greet "world")

; Each procedure becomes one C function; a self tail call becomes a loop.
(define (sum-of-squares i n acc)
  (if (> i n)
      acc
      (sum-of-squares (+ i 1) n (+ acc (* i i)))))

(display "1^2 + 2^2 + ... + 100^2 = ")
(display (sum-of-squares 1 100 0))
(newline)
