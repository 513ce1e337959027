; Bindings a macro introduces (let, lambda parameters, named let, do
; variables) are invisible to the code the user passes in.
(import (scheme base) (scheme write))
(define x 'outer)
(define-syntax with-x (syntax-rules () ((_ body) (let ((x 'inner)) body))))
(write (with-x x)) (newline)
(define-syntax call-with-arg
  (syntax-rules () ((_ body) ((lambda (arg) body) 'macro-arg))))
(define arg 'user-arg)
(write (call-with-arg arg)) (newline)
(define-syntax repeat
  (syntax-rules ()
    ((_ n body ...) (let loop ((i 0)) (when (< i n) body ... (loop (+ i 1)))))))
(let ((i 'user-i) (loop 'user-loop))
  (repeat 3 (write i) (write loop))
  (newline))
(define-syntax sum-to
  (syntax-rules ()
    ((_ n expr) (do ((k 0 (+ k 1)) (acc 0 (+ acc expr))) ((= k n) acc)))))
(define k 100)
(write (sum-to 4 k)) (newline)
