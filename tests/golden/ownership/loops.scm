; Loops: an owned value made in an iteration is consumed in it; an owned
; loop variable is moved around the loop; a loop may borrow an enclosing
; owned value on every iteration and consume it when it ends.
(do ((i 0 (+ i 1))) ((= i 3))
  (let ((g (owned i)))
    (display g)
    (consume g)))
(newline)

(let loop ((f (owned 0)) (i 0))
  (if (< i 3)
      (loop (begin (display f) (consume f) (owned (* 10 (+ i 1)))) (+ i 1))
      (begin (display f) (newline) (consume f))))

(let ((f (owned "port")))
  (let loop ((i 0))
    (if (< i 2)
        (begin (display f) (display i) (newline) (loop (+ i 1)))
        (consume f))))

(let ((f (owned 'twice)))
  (define (even-step n) (if (= n 0) (begin (display "even ") (consume f)) (odd-step (- n 1))))
  (define (odd-step n) (if (= n 0) (begin (display "odd ") (consume f)) (even-step (- n 1))))
  (even-step 5)
  (newline))

(let ((f (owned 'start)))
  (let loop ((i 0))
    (when (< i 3)
      (display f)
      (consume f)
      (set! f (owned i))  ; each iteration leaves a new value behind
      (loop (+ i 1))))
  (display f)
  (newline)
  (consume f))
