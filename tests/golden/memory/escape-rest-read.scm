;;; eshkolc: --dump-escape
;; Reading what a cons holds does not make the cons escape: its cdr is
;; another object (stored in it, so never on the stack), unless one site
;; made the whole list, whose tails are then part of its allocation.

;; the pair's cdr is put into a vector that does not escape: both stack
(define (f i) (let ((p (cons i i))) (let ((v (vector (cdr p) 1))) (vector-ref v 0))))

;; a list's tail is the list's own storage and is returned: region
(define (g i) (let ((l (list i (+ i 1) (+ i 2)))) (let ((v (vector (cdr l) 1))) (vector-ref v 0))))

;; the outer pair stays in the frame, the inner one is returned
(define (h i) (let ((p (cons i (cons i '())))) (cdr p)))

;; cadr and cddr read further in, the same way
(define (k i) (let ((p (cons i (cons (+ i 1) '())))) (list (cadr p) (cddr p))))
