;;; eshkolc: --dump-escape
;; The classic cases of escape analysis, one allocation site each.

;; a vector returned from its procedure: return
(define (make-pair-vector a b) (vector a b))

;; an accumulator that stays local: none (on the stack)
(define (sum-to n)
  (let ((acc (make-vector 1 0)))
    (do ((i 1 (+ i 1))) ((> i n) (vector-ref acc 0))
      (vector-set! acc 0 (+ i (vector-ref acc 0))))))

;; a variable captured by a returned lambda: closure
(define (make-counter)
  (let ((box (list 0)))
    (lambda () (set-car! box (+ 1 (car box))) (car box))))

;; a value stored in a global: global (allocated in the root region)
(define log '())
(define (note! x) (set! log (cons x log)))

;; (cons a b) stored into an escaping structure: indirect, as the structure
(define (wrap a b) (list (cons a b)))

;; a temporary only read: none
(define (dist2 x y) (let ((p (cons x y))) (+ (* (car p) (car p)) (* (cdr p) (cdr p)))))

;; passed to a procedure that only reads it: none
(define (total l) (if (null? l) 0 (+ (car l) (total (cdr l)))))
(define (six) (total (list 1 2 3)))

;; passed to a procedure that keeps it: global
(define (keep! x) (set! log x))
(define (kept) (keep! (vector 1 2)))

;; made in a loop and handed to the next iteration: return
(define (chain n)
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (cons i acc)))))

;; a lambda passed to for-each: none
(define (show-all l) (for-each (lambda (x) (display x)) l))

;; returned through a tail call: return
(define (via-tail) (identity (cons 1 2)))
(define (identity x) x)
