; A library defined in the program file itself, before it is imported; its
; definitions stay private all the same.
(define-library (stack)
  (export make-stack push! pop! stack-size)
  (import (scheme base))
  (begin
    (define-record-type stack (wrap items) stack? (items unwrap set-items!))
    (define (make-stack) (wrap '()))
    (define (push! s x) (set-items! s (cons x (unwrap s))))
    (define (pop! s)
      (let ((top (car (unwrap s))))
        (set-items! s (cdr (unwrap s)))
        top))
    (define (stack-size s) (length (unwrap s)))))

(define-library (stack extras)
  (export push-all!)
  (import (scheme base) (stack))
  (begin
    (define (push-all! s xs) (for-each (lambda (x) (push! s x)) xs))))

(import (scheme base) (scheme write) (stack) (stack extras))
(define s (make-stack))
(push-all! s '(1 2 3))
(push! s 4)
(display (stack-size s)) (newline)
(display (list (pop! s) (pop! s))) (newline)
(display (stack-size s)) (newline)
; unwrap is the library's: here it is the program's own name
(define (unwrap x) (list 'unwrapped x))
(display (unwrap 5)) (newline)
