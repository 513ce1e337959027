; Recursive and iterative factorial agree up to the fixnum range.
(define (fact n)
  (if (= n 0)
      1
      (* n (fact (- n 1)))))

(define (fact-iter n acc)
  (if (= n 0)
      acc
      (fact-iter (- n 1) (* acc n))))

(display (fact 0)) (newline)
(display (fact 5)) (newline)
(display (fact 10)) (newline)
(display (fact 20)) (newline)
(display (fact-iter 20 1)) (newline)
(display (= (fact 15) (fact-iter 15 1))) (newline)
