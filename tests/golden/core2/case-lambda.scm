; case-lambda picks the first clause whose formals accept the number of arguments given.
(define area
  (case-lambda
    ((r) (* 3 r r))
    ((w h) (* w h))
    ((a b c) (list 'triangle a b c))))
(display (list (area 2) (area 3 4) (area 3 4 5))) (newline)
(define plus
  (case-lambda
    (() 0)
    ((x) x)
    ((x y) (+ x y))
    ((x y . rest) (apply plus (+ x y) rest))))
(display (list (plus) (plus 1) (plus 1 2) (plus 1 2 3 4 5))) (newline)
(define describe
  (case-lambda
    ((x) (list 'one x))
    (args (list 'many args))))
(display (list (describe 1) (describe) (describe 1 2))) (newline)
(define make-range
  (case-lambda
    ((end) (make-range 0 end))
    ((start end) (make-range start end 1))
    ((start end step) (if (>= start end) '() (cons start (make-range (+ start step) end step))))))
(display (make-range 5)) (display (make-range 2 6)) (display (make-range 0 10 3)) (newline)
(define first-wins (case-lambda ((x . r) 'rest-clause) ((x) 'exact-clause)))
(display (first-wins 1)) (newline)
(display (map (case-lambda ((x) (* x x)) ((x y) (* x y))) '(1 2 3))) (newline)
(display (map (case-lambda ((x) (* x x)) ((x y) (* x y))) '(1 2 3) '(4 5 6))) (newline)
(define (make-acc) (let ((total 0)) (case-lambda (() total) ((n) (set! total (+ total n)) total))))
(define acc (make-acc))
(acc 5)
(acc 10)
(display (acc)) (newline)
(display (apply area '(2 5))) (newline)
