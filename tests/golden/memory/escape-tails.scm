;;; eshkolc: --dump-escape
;; memq, memv and member return a tail of their SECOND argument, list-tail
;; of its first: a list made in the procedure and searched there escapes
;; with the result (a region or the heap, never the stack). member's
;; compare procedure is called with the key, so the key may be kept.
(define (f) (memv (expt 10 20) (list 1 (expt 10 20) 2)))
(define (g) (memq 'b (list 'a 'b 'c)))
(define (h) (member "b" (list "a" "b" "c")))
(define (k) (list-tail (list 1 2 3) 1))
(define kept '())
(define (m) (member (list 'x) '((x)) (lambda (a b) (set! kept a) (equal? a b))))
(define (n) (if (memq 'z (list 'a 'b)) 'found 'absent))
(write (list (f) (g) (h) (k) (m) (n) kept))
(newline)
