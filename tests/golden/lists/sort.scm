; sort, list-sort and vector-sort: numbers, strings, chars, custom orders, stability, inputs left untouched.
(write (sort '(3 1 4 1 5 9 2 6) <)) (newline)
(write (sort '(3 1 4 1 5 9 2 6) >)) (newline)
(write (sort '() <)) (write (sort '(1) <)) (newline)
(write (sort '("pear" "apple" "fig") string<?)) (newline)
(write (sort (vector 5 3 1) <)) (newline)
(write (list-sort < '(10 -1 7 0))) (newline)
(write (vector-sort < #(9 8 7 1))) (newline)
(write (sort (list 1.5 -2 3/4 0) <)) (newline)
(write (sort '(#\c #\a #\B) char<?)) (newline)
; stable: elements with equal keys keep their order
(define people '((bob . 30) (amy . 25) (cid . 30) (dan . 25) (eve . 40)))
(write (sort people (lambda (a b) (< (cdr a) (cdr b))))) (newline)
(write (list-sort (lambda (a b) (> (cdr a) (cdr b))) people)) (newline)
(write (sort (iota 20) (lambda (a b) (< (remainder a 5) (remainder b 5))))) (newline)
; the arguments are not modified
(define v (vector 3 2 1))
(define sv (vector-sort < v))
(write (list v sv)) (newline)
(define l (list 3 2 1))
(define sl (sort l <))
(write (list l sl)) (newline)
; a larger pseudo-random list comes out ordered, with nothing lost
(define big
  (let loop ((i 0) (acc '()) (x 1))
    (if (= i 3000) acc (loop (+ i 1) (cons (modulo x 1000) acc) (modulo (* x 75) 65537)))))
(define sorted (sort big <))
(write (let check ((l sorted)) (or (null? (cdr l)) (and (<= (car l) (cadr l)) (check (cdr l)))))) (newline)
(write (list (length sorted) (= (apply + sorted) (apply + big)))) (newline)
