; A procedure bound by let is known: its calls are direct C calls and it
; has no closure. Closures and loops nested in other procedures that call
; it must not try to store it.
(define zulu
  (let ((f (lambda (a b) (if (null? a) b (cons a b)))))
    (lambda (xs)
      (let loop ((xs xs) (acc '()))
        (if (null? xs) (reverse acc) (loop (cdr xs) (f (car xs) (f '() acc))))))))
(display (zulu '(1 2 3)))
(newline)

; Two levels: the known procedure is called from a lambda inside a lambda.
(define (make-adder-list n)
  (let ((add (lambda (a b) (+ a b))))
    (map (lambda (i) (lambda (x) (add x i))) (list n (* 2 n)))))
(display (map (lambda (g) (g 100)) (make-adder-list 5)))
(newline)

; let* with a known procedure built on another known procedure.
(define (scale-all k xs)
  (let* ((mul (lambda (x) (* x k)))
         (mul2 (lambda (x) (mul (mul x)))))
    (map (lambda (x) (mul2 x)) xs)))
(display (scale-all 3 '(1 2 3)))
(newline)

; A known procedure that captures nothing, called from a loop nested in a
; closure that escapes.
(define counter
  (let ((step (lambda (n) (+ n 1))))
    (let ((count 0))
      (lambda (times)
        (let loop ((i 0))
          (when (< i times)
            (set! count (step count))
            (loop (+ i 1))))
        count))))
(counter 3)
(display (counter 4))
(newline)
