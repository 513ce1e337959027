;;; nqueens -- count the placements of n queens on an n x n board by
;;; backtracking, row by row. The columns of the queens placed so far are
;;; kept in a list, nearest row first, so each step conses one pair.
;;; Measures: small allocations, list walking, fixnum compare, non-tail calls.
;;; Prints the total number of solutions found over all repetitions.

(define reps 150)   ; smoke: 2
(define size 10)   ; smoke: 6

;; Can a queen go in column col of the next row, given the queens placed
;; (nearest row first)? dist is how many rows up the first of them is.
(define (safe? col placed dist)
  (cond ((null? placed) #t)
        ((let ((other (car placed)))
           (or (= other col)
               (= other (+ col dist))
               (= other (- col dist))))
         #f)
        (else (safe? col (cdr placed) (+ dist 1)))))

(define (count-from row placed n)
  (if (= row n)
      1
      (let next-col ((col 0) (found 0))
        (cond ((= col n) found)
              ((safe? col placed 1)
               (next-col (+ col 1)
                         (+ found (count-from (+ row 1) (cons col placed) n))))
              (else (next-col (+ col 1) found))))))

(define (queens n) (count-from 0 '() n))

(define (run-queens count n)
  (let repeat ((i 0) (total 0))
    (if (= i count)
        total
        (repeat (+ i 1) (+ total (queens n))))))

(display (run-queens reps size))
(newline)
