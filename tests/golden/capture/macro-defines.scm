; Macros that expand into internal defines; the defined procedures are
; captured by lambdas the macro user writes.
(define-syntax define-getter
  (syntax-rules ()
    ((_ name index) (define (name v) (vector-ref v index)))))
(define-syntax define-pair-ops
  (syntax-rules ()
    ((_ make first second)
     (begin
       (define (make a b) (vector a b))
       (define-getter first 0)
       (define-getter second 1)))))

(define (swap-all pairs)
  (define-pair-ops mk fst snd)
  (map (lambda (p) (let ((q (mk (car p) (cdr p)))) (cons (snd q) (fst q)))) pairs))
(display (swap-all '((1 . 2) (3 . 4))))
(newline)

; A macro that defines a helper and a loop that uses it, expanded inside a
; procedure whose result is a closure.
(define-syntax define-summer
  (syntax-rules ()
    ((_ name f)
     (begin
       (define (term x) (f x))
       (define (name xs) (let loop ((xs xs) (s 0)) (if (null? xs) s (loop (cdr xs) (+ s (term (car xs)))))))))))
(define (make-sum-of-squares)
  (define-summer sum (lambda (x) (* x x)))
  (lambda (xs) (sum xs)))
(display ((make-sum-of-squares) '(1 2 3 4)))
(newline)
