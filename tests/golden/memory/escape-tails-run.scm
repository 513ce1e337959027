;; The tails memq, memv, member and list-tail return outlive the procedure
;; that made the list (tests/golden/memory/escape-tails.scm): once it has
;; returned and other calls have reused its stack, they still print right.
(define (f) (memv (expt 10 20) (list 1 (expt 10 20) 2)))
(define (g) (memq 'b (list 'a 'b 'c)))
(define (h) (member "b" (list "a" "b" "c")))
(define (k) (list-tail (list 1 2 3) 1))
(define (scribble n) (if (= n 0) 0 (+ 1 (scribble (- n 1)))))   ; overwrites the stack below
(define (keep-results)
  (let* ((a (f)) (b (g)) (c (h)) (d (k)))
    (scribble 1000)
    (list a b c d)))
(write (keep-results))
(newline)
(define results (map (lambda (p) (p)) (list f g h k)))
(scribble 1000)
(write results)
(newline)
