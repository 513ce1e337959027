; Borrowing: the body reads, the owner consumes afterwards. Passing a
; borrowed value to a procedure lends it; built-ins always borrow.
(define (show x) (display x) (newline))
(define (show-twice x) (show x) (show x))
(let ((f (owned (list 1 2 3))))
  (borrow f
    (show (length f))
    (show-twice f)
    (borrow f (show (car f))))  ; a borrow of a borrow
  (display (apply + f))         ; built-ins borrow
  (newline)
  (consume f))

(define (total v) (vector-ref v 0))
(let ((acc (owned (vector 0))))
  (for-each (lambda (x) (vector-set! acc 0 (+ x (vector-ref acc 0)))) '(1 2 3 4))
  (let ((sum (borrow acc (total acc))))
    (display sum)
    (newline))
  (consume acc))

(let ((g (owned "shown by a local procedure")))
  (define (peek) (display g) (newline))
  (peek)
  (peek)
  (consume g))
