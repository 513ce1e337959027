(import (scheme base) (scheme write) (scheme char))

;; Two constraint problems. Sudoku: each cell holds a bit set of candidate
;; digits in a vector of 81; assigning a digit eliminates it from the
;; cell's peers, and eliminations propagate (a cell left with one
;; candidate is assigned; a unit with one place for a digit assigns it).
;; Search picks the cell with fewest candidates and backtracks through
;; copies of the grid. N-queens: backtracking with call/cc to stop at the
;; first solution, and a counting search over all solutions.

(define all-digits 511)                 ; bits 0..8 for digits 1..9

(define (bit d) (expt 2 (- d 1)))
(define (has? set d) (odd? (quotient set (bit d))))
(define (remove-digit set d) (if (has? set d) (- set (bit d)) set))
(define (bit-count set)
  (let loop ((s set) (n 0))
    (if (= s 0) n (loop (quotient s 2) (+ n (remainder s 2))))))
(define (only-digit set)
  (let loop ((d 1))
    (cond ((> d 9) #f)
          ((has? set d) d)
          (else (loop (+ d 1))))))
(define (digits-of set)
  (let loop ((d 9) (acc '()))
    (if (= d 0) acc (loop (- d 1) (if (has? set d) (cons d acc) acc)))))

(define units
  ;; 27 units, each a list of cell indices
  (let ((rows (let loop ((r 0) (acc '()))
                (if (= r 9) (reverse acc)
                    (loop (+ r 1)
                          (cons (let col ((c 0) (cells '()))
                                  (if (= c 9) (reverse cells)
                                      (col (+ c 1) (cons (+ (* r 9) c) cells))))
                                acc)))))
        (cols (let loop ((c 0) (acc '()))
                (if (= c 9) (reverse acc)
                    (loop (+ c 1)
                          (cons (let row ((r 0) (cells '()))
                                  (if (= r 9) (reverse cells)
                                      (row (+ r 1) (cons (+ (* r 9) c) cells))))
                                acc)))))
        (boxes (let ((acc '()))
                 (do ((br 0 (+ br 3))) ((= br 9))
                   (do ((bc 0 (+ bc 3))) ((= bc 9))
                     (let ((cells '()))
                       (do ((r br (+ r 1))) ((= r (+ br 3)))
                         (do ((c bc (+ c 1))) ((= c (+ bc 3)))
                           (set! cells (cons (+ (* r 9) c) cells))))
                       (set! acc (cons (reverse cells) acc)))))
                 (reverse acc))))
    (append rows cols boxes)))

(define units-of
  (let ((v (make-vector 81 '())))
    (for-each (lambda (unit)
                (for-each (lambda (cell) (vector-set! v cell (cons unit (vector-ref v cell))))
                          unit))
              units)
    v))

(define peers-of
  (let ((v (make-vector 81 '())))
    (do ((cell 0 (+ cell 1))) ((= cell 81) v)
      (let ((peers '()))
        (for-each (lambda (unit)
                    (for-each (lambda (p)
                                (if (and (not (= p cell)) (not (memv p peers)))
                                    (set! peers (cons p peers))))
                              unit))
                  (vector-ref units-of cell))
        (vector-set! v cell peers)))))

;; assign! and eliminate! return #f on contradiction, the grid otherwise.
(define (assign! grid cell d)
  (let loop ((others (digits-of (remove-digit (vector-ref grid cell) d))))
    (cond ((null? others) grid)
          ((eliminate! grid cell (car others)) (loop (cdr others)))
          (else #f))))

(define (eliminate! grid cell d)
  (let ((set (vector-ref grid cell)))
    (if (not (has? set d))
        grid
        (let ((new (remove-digit set d)))
          (vector-set! grid cell new)
          (and (not (= new 0))
               (or (not (= (bit-count new) 1))
                   (let ((last (only-digit new)))
                     (let loop ((ps (vector-ref peers-of cell)))
                       (cond ((null? ps) #t)
                             ((eliminate! grid (car ps) last) (loop (cdr ps)))
                             (else #f)))))
               (let unit-loop ((us (vector-ref units-of cell)))
                 (if (null? us)
                     grid
                     (let ((places (let collect ((cells (car us)) (acc '()))
                                     (cond ((null? cells) acc)
                                           ((has? (vector-ref grid (car cells)) d)
                                            (collect (cdr cells) (cons (car cells) acc)))
                                           (else (collect (cdr cells) acc))))))
                       (cond ((null? places) #f)
                             ((and (null? (cdr places))
                                   (not (assign! grid (car places) d)))
                              #f)
                             (else (unit-loop (cdr us))))))))))))

(define (parse-grid text)
  (let ((grid (make-vector 81 all-digits))
        (chars (let loop ((cs (string->list text)) (acc '()))
                 (cond ((null? cs) (reverse acc))
                       ((or (char-numeric? (car cs)) (char=? (car cs) #\.))
                        (loop (cdr cs) (cons (car cs) acc)))
                       (else (loop (cdr cs) acc))))))
    (let loop ((cs chars) (cell 0))
      (cond ((null? cs) grid)
            ((and (char-numeric? (car cs)) (not (char=? (car cs) #\0)))
             (and (assign! grid cell (digit-value (car cs)))
                  (loop (cdr cs) (+ cell 1))))
            (else (loop (cdr cs) (+ cell 1)))))))

(define search-nodes 0)

(define (search grid)
  (set! search-nodes (+ search-nodes 1))
  (and grid
       (let find ((cell 0) (best #f) (best-count 10))
         (if (< cell 81)
             (let ((n (bit-count (vector-ref grid cell))))
               (if (and (> n 1) (< n best-count))
                   (find (+ cell 1) cell n)
                   (find (+ cell 1) best best-count)))
             (if (not best)
                 grid                   ; solved
                 (let try ((ds (digits-of (vector-ref grid best))))
                   (and (pair? ds)
                        (or (search (assign! (vector-copy grid) best (car ds)))
                            (try (cdr ds))))))))))

(define (display-grid grid)
  (do ((r 0 (+ r 1))) ((= r 9))
    (if (and (> r 0) (= 0 (remainder r 3))) (begin (display "------+-------+------") (newline)))
    (do ((c 0 (+ c 1))) ((= c 9))
      (if (and (> c 0) (= 0 (remainder c 3))) (display "| "))
      (let ((set (vector-ref grid (+ (* r 9) c))))
        (display (if (= (bit-count set) 1) (only-digit set) "."))
        (display " ")))
    (newline)))

(define (valid-solution? grid)
  (let loop ((us units))
    (or (null? us)
        (and (equal? (list-sort-numbers (map (lambda (c) (only-digit (vector-ref grid c))) (car us)))
                     '(1 2 3 4 5 6 7 8 9))
             (loop (cdr us))))))

(define (list-sort-numbers lst)
  ;; insertion sort
  (define (insert x sorted)
    (cond ((null? sorted) (list x))
          ((<= x (car sorted)) (cons x sorted))
          (else (cons (car sorted) (insert x (cdr sorted))))))
  (let loop ((lst lst) (acc '()))
    (if (null? lst) acc (loop (cdr lst) (insert (car lst) acc)))))

(define puzzles
  '(("easy"
     "003020600900305001001806400008102900700000008006708200002609500800203009005010300")
    ("hard"
     "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......")
    ("contradiction"
     "11...............................................................................")))

(for-each
 (lambda (p)
   (set! search-nodes 0)
   (display "puzzle: ") (display (car p)) (newline)
   (let ((solution (search (parse-grid (cadr p)))))
     (if solution
         (begin (display-grid solution)
                (display "valid: ") (display (valid-solution? solution))
                (display ", nodes: ") (display search-nodes) (newline))
         (begin (display "no solution") (newline)))))
 puzzles)

;; N-queens. A placement is a list of column numbers, most recent row first.
(define (safe? col placed)
  (let loop ((rest placed) (distance 1))
    (or (null? rest)
        (and (not (= (car rest) col))
             (not (= (abs (- (car rest) col)) distance))
             (loop (cdr rest) (+ distance 1))))))

(define (first-queens n)
  (call-with-current-continuation
   (lambda (return)
     (let place ((row 0) (placed '()))
       (if (= row n)
           (return (reverse placed))
           (do ((col 0 (+ col 1))) ((= col n))
             (when (safe? col placed)
               (place (+ row 1) (cons col placed))))))
     #f)))

(define (count-queens n)
  (let place ((row 0) (placed '()))
    (if (= row n)
        1
        (let loop ((col 0) (total 0))
          (if (= col n)
              total
              (loop (+ col 1)
                    (if (safe? col placed)
                        (+ total (place (+ row 1) (cons col placed)))
                        total)))))))

(define (show-board cols)
  (let ((n (length cols)))
    (for-each (lambda (c)
                (display (list->string
                          (let loop ((i 0) (acc '()))
                            (if (= i n) (reverse acc)
                                (loop (+ i 1) (cons (if (= i c) #\Q #\.) acc))))))
                (newline))
              cols)))

(let ((solution (first-queens 8)))
  (display "first 8-queens: ") (write solution) (newline)
  (show-board solution))
(display "3-queens: ") (write (first-queens 3)) (newline)
(do ((n 1 (+ n 1))) ((> n 8))
  (display "queens ") (display n) (display ": ")
  (display (count-queens n)) (newline))
