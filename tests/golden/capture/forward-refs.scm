; Internal defines that refer to ones defined after them, from closures.
(define (pipeline xs)
  (define (run) (map (lambda (x) (finish (middle x))) xs))
  (define (middle x) (* 2 (start x)))
  (define (start x) (+ x 1))
  (define (finish x) (list 'v x))
  (run))
(display (pipeline '(1 2 3)))
(newline)

; A forward reference inside a loop inside a lambda, to a procedure that
; captures the parent's parameter.
(define (histogram xs width)
  (define (bars) (map (lambda (x) (let loop ((i 0) (acc '())) (if (= i (cells x)) (list->string acc) (loop (+ i 1) (cons #\* acc))))) xs))
  (define (cells x) (min width x))
  (bars))
(for-each (lambda (s) (display s) (newline)) (histogram '(1 4 9) 5))

; Mutual recursion among internal defines, called through a closure stored
; in a data structure.
(define (make-tokenizer)
  (define (skip-space cs) (if (and (pair? cs) (char=? (car cs) #\space)) (skip-space (cdr cs)) (word cs '())))
  (define (word cs acc)
    (cond ((null? cs) (done acc '()))
          ((char=? (car cs) #\space) (done acc (skip-space cs)))
          (else (word (cdr cs) (cons (car cs) acc)))))
  (define (done acc rest) (if (null? acc) rest (cons (list->string (reverse acc)) rest)))
  (vector (lambda (s) (skip-space (string->list s)))))
(display ((vector-ref (make-tokenizer) 0) "  hello  big world "))
(newline)
