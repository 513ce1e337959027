; An owned value consumed on every path: if, cond, case, when/unless pairs,
; and/or, and paths that end in an error need nothing.
(define (classify n)
  (let ((f (owned n)))
    (cond ((< n 0) (consume f) 'negative)
          ((= n 0) (consume f) 'zero)
          (else
           (case n
             ((1 2 3) (consume f) 'small)
             (else (consume f) 'big))))))
(display (map classify '(-5 0 2 40)))
(newline)

(define (either f flag)
  (if flag
      (begin (display "consumed by then") (newline) (consume f))
      (begin (display "consumed by else") (newline) (consume f))))
(either (owned 1) #t)
(either (owned 2) #f)

(define (checked f)
  (if (< f 0)
      (error "negative:" f)  ; does not return: f needs no consuming here
      (begin (display (* f 10)) (newline) (consume f))))
(checked (owned 4))

(define (guarded f)
  (when (not (number? f)) (raise 'not-a-number))
  (unless (> f 100) (display "small") (newline))
  (consume f))
(guarded (owned 5))

(let ((f (owned 7)))
  (and (> f 0) (display "positive"))
  (or (> f 10) (display " and small"))
  (newline)
  (if f (display "an owned value is true") #f)
  (newline)
  (consume f))
