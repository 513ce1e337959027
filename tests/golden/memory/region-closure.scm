;; Closures made inside a region keep working after it exits: they and
;; what they capture are promoted.
(define (make-counter start)
  (let ((n start))
    (lambda () (set! n (+ n 1)) n)))

(define counter (with-region 'make (make-counter 10)))
(counter)
(counter)
(display (counter)) (newline)

;; a closure capturing a list built in the region
(define greet
  (with-region
    (let ((names (list "ada" "alan" "grace")))
      (lambda (i) (string-append "hello " (list-ref names i))))))
(display (greet 2)) (newline)

;; a closure returned through two regions
(define adder
  (with-region 'a
    (with-region 'b
      (let ((k (* 6 7)))
        (lambda (x) (+ x k))))))
(display (adder 1)) (newline)
(display (map adder '(1 2 3))) (newline)
