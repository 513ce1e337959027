;; The procedures of escape-rest-read.scm run: the pairs kept on the stack
;; give what their cdrs held, under ASan as well.
(define (f i) (let ((p (cons i i))) (let ((v (vector (cdr p) 1))) (vector-ref v 0))))
(define (g i) (let ((l (list i (+ i 1) (+ i 2)))) (let ((v (vector (cdr l) 1))) (vector-ref v 0))))
(define (h i) (let ((p (cons i (cons i '())))) (cdr p)))
(define (k i) (let ((p (cons i (cons (+ i 1) '())))) (list (cadr p) (cddr p))))
(define (sum-cdrs n)   ; a loop making a pair per iteration and reading its cdr
  (let loop ((i 0) (acc 0))
    (if (= i n) acc (loop (+ i 1) (+ acc (cdr (cons i (* 2 i))))))))
(write (list (f 3) (g 3) (h 4) (k 5) (sum-cdrs 1000)))
(newline)
(define kept (map h '(1 2 3)))   ; the inner pairs outlive their frames
(write kept)
(newline)
