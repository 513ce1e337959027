;;; gc-perm -- generates every permutation of a list, keeps every other
;;; one alive in a growing list and drops the rest: half the allocation
;;; lives to the end. Measures: a collector under a growing live set.
;;; Prints how many permutations were kept and a checksum of them.

(define n 9)  ; smoke: 5

(define (permutations l)
  (if (null? l)
      '(())
      (let loop ((rest l) (done '()) (acc '()))
        (if (null? rest)
            acc
            (let* ((x (car rest))
                   (others (append (reverse done) (cdr rest)))
                   (acc (let add ((ps (permutations others)) (acc acc))
                          (if (null? ps) acc (add (cdr ps) (cons (cons x (car ps)) acc))))))
              (loop (cdr rest) (cons x done) acc))))))

(define (iota-list n) (let loop ((i n) (l '())) (if (= i 0) l (loop (- i 1) (cons i l)))))

(define (run rounds)
  (let loop ((r 0) (kept '()))
    (if (= r rounds)
        kept
        (let keep ((ps (permutations (iota-list n))) (i 0) (kept kept))
          (cond ((null? ps) (loop (+ r 1) kept))
                ((even? i) (keep (cdr ps) (+ i 1) (cons (car ps) kept)))
                (else (keep (cdr ps) (+ i 1) kept)))))))

(define kept (run 3))
(display (length kept))
(display " ")
(display (let sum ((l kept) (s 0)) (if (null? l) s (sum (cdr l) (+ s (car (car l)) (* 2 (cadr (car l))))))))
(newline)
