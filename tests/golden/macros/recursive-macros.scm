; Macros that expand into uses of themselves: let*, counting, reversing
; with an accumulator, and a cond.
(import (scheme base) (scheme write))
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(write (my-let* ((a 1) (b (+ a 1)) (c (* b 10))) (list a b c))) (newline)
(define-syntax count-args
  (syntax-rules ()
    ((_) 0)
    ((_ x y ...) (+ 1 (count-args y ...)))))
(write (count-args a b c d e)) (newline)
(define-syntax reverse-quote
  (syntax-rules ()
    ((_ () acc) 'acc)
    ((_ (x . xs) (acc ...)) (reverse-quote xs (x acc ...)))))
(write (reverse-quote (1 2 3 4) ())) (newline)
(define-syntax my-cond
  (syntax-rules (else)
    ((_ (else e ...)) (begin e ...))
    ((_ (c e ...) clause ...) (if c (begin e ...) (my-cond clause ...)))))
(define (sign n) (my-cond ((< n 0) 'negative) ((= n 0) 'zero) (else 'positive)))
(write (map sign '(-5 0 5))) (newline)
(define-syntax my-and
  (syntax-rules ()
    ((_) #t) ((_ e) e) ((_ e1 e2 ...) (if e1 (my-and e2 ...) #f))))
(write (list (my-and) (my-and 1 2 3) (my-and 1 #f 3))) (newline)
; a long recursive expansion
(write (count-args 1 2 3 4 5 6 7 8 9 10 1 2 3 4 5 6 7 8 9 10 1 2 3 4 5 6 7 8 9 10
                   1 2 3 4 5 6 7 8 9 10 1 2 3 4 5 6 7 8 9 10 1 2 3 4 5 6 7 8 9 10))
(newline)
