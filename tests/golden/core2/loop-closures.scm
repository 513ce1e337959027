; Each iteration of do and named let binds fresh variables: closures made in different iterations
; see different values, while a variable set! inside a loop is shared by every closure over it.
(define procs
  (do ((i 0 (+ i 1)) (acc '() (cons (lambda () i) acc)))
      ((= i 4) acc)))
(display (map (lambda (p) (p)) procs)) (newline)
(define procs2
  (let loop ((i 0) (acc '()))
    (if (= i 4) (reverse acc) (loop (+ i 1) (cons (lambda () (* i 10)) acc)))))
(display (map (lambda (p) (p)) procs2)) (newline)
; for-each over a list: each call of the lambda has its own x
(define saved '())
(for-each (lambda (x) (set! saved (cons (lambda () x) saved))) '(a b c))
(display (map (lambda (p) (p)) saved)) (newline)
; one shared variable, mutated by the loop: every closure sees the final value
(define shared-procs
  (let ((n 0) (acc '()))
    (let loop ()
      (when (< n 3)
        (set! acc (cons (lambda () n) acc))
        (set! n (+ n 1))
        (loop)))
    acc))
(display (map (lambda (p) (p)) shared-procs)) (newline)
; a closure made in an iteration keeps a variable that it alone updates
(define counters
  (do ((i 0 (+ i 1)) (acc '() (cons (let ((count (* i 100))) (lambda () (set! count (+ count 1)) count)) acc)))
      ((= i 3) (reverse acc))))
((car counters))
((car counters))
((caddr counters))
(display (map (lambda (c) (c)) counters)) (newline)
; closures capturing both the loop variable and an outer accumulator
(define (make-adders n)
  (let loop ((k n) (adders '()))
    (if (= k 0) adders (loop (- k 1) (cons (lambda (x) (+ x k)) adders)))))
(display (map (lambda (f) (f 100)) (make-adders 5))) (newline)
