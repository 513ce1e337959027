; make-parameter with and without converters; parameterize nests, and is undone on normal and escaping exits.
(define radix (make-parameter 10))
(define (show n) (number->string n (radix)))
(display (show 255)) (newline)
(parameterize ((radix 16))
  (display (show 255)) (newline)
  (parameterize ((radix 2)) (display (show 5)) (newline))
  (display (show 255)) (newline))
(display (radix)) (newline)
; the converter applies to the initial value and to parameterized values
(define width (make-parameter "7" string->number))
(display (+ (width) 1)) (newline)
(parameterize ((width "20")) (display (+ (width) 1)) (newline))
(display (width)) (newline)
; ... but not when the old value is restored
(define calls 0)
(define p (make-parameter 1 (lambda (x) (set! calls (+ calls 1)) (* x 10))))
(display (list (p) calls)) (newline)
(parameterize ((p 2)) (display (list (p) calls)) (newline))
(display (list (p) calls)) (newline)
; escaping with a continuation restores the old value
(define k-result
  (call-with-current-continuation
    (lambda (k) (parameterize ((radix 8)) (k (radix))))))
(display (list k-result (radix))) (newline)
; so does an exception caught outside
(guard (e (#t (display (list 'caught e (radix))) (newline)))
  (parameterize ((radix 2)) (raise 'oops)))
; procedures see the value in effect when they are called, not when they were made
(define (current-radix) (radix))
(display (parameterize ((radix 3)) (current-radix))) (newline)
(define f (parameterize ((radix 4)) (lambda () (radix))))
(display (f)) (newline)
; the values in one parameterize are computed outside it
(define a (make-parameter 1))
(define b (make-parameter 2))
(parameterize ((a (b)) (b (a))) (display (list (a) (b)))) (newline)
(display (parameterize () 'no-bindings)) (newline)
