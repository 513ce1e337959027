; N-queens: count all solutions for boards of size 1 to 8 by backtracking, show the solutions
; for n = 4 and the first one for n = 8, and check every solution found is valid.

;; A placement is a list of column numbers, one per row, most recent row first.
(define (safe? col placed)
  (let loop ((rest placed) (distance 1))
    (cond ((null? rest) #t)
          ((or (= (car rest) col)
               (= (abs (- (car rest) col)) distance))
           #f)
          (else (loop (cdr rest) (+ distance 1))))))

(define (queens n)
  (let place ((row 0) (placed '()))
    (if (= row n)
        (list (reverse placed))
        (append-map (lambda (col)
                      (if (safe? col placed)
                          (place (+ row 1) (cons col placed))
                          '()))
                    (iota n)))))

;; A second, independent counter that marks attacked columns and diagonals in vectors.
(define (count-queens n)
  (let ((cols (make-vector n #f))
        (diag1 (make-vector (* 2 n) #f))
        (diag2 (make-vector (* 2 n) #f)))
    (let try ((row 0))
      (if (= row n)
          1
          (let loop ((col 0) (total 0))
            (if (= col n)
                total
                (let ((d1 (+ row col)) (d2 (+ (- row col) n)))
                  (if (or (vector-ref cols col) (vector-ref diag1 d1) (vector-ref diag2 d2))
                      (loop (+ col 1) total)
                      (begin
                        (vector-set! cols col #t) (vector-set! diag1 d1 #t) (vector-set! diag2 d2 #t)
                        (let ((found (try (+ row 1))))
                          (vector-set! cols col #f) (vector-set! diag1 d1 #f) (vector-set! diag2 d2 #f)
                          (loop (+ col 1) (+ total found))))))))))))

(define (valid? solution)
  (let loop ((rows solution))
    (or (null? rows)
        (and (safe? (car rows) (cdr rows)) (loop (cdr rows))))))

(define (show-board solution)
  (let ((n (length solution)))
    (for-each (lambda (col)
                (do ((c 0 (+ c 1))) ((= c n))
                  (display (if (= c col) "Q " ". ")))
                (newline))
              solution)))

(display "n solutions") (newline)
(do ((n 1 (+ n 1))) ((> n 8))
  (let ((solutions (queens n)))
    (display n) (display " ") (display (length solutions))
    (display (if (and (every valid? solutions)
                      (= (length solutions) (count-queens n))
                      (= (length solutions) (length (delete-duplicates solutions))))
                 " checked"
                 " WRONG"))
    (newline)))
(display (map count-queens (iota 8 1))) (newline)
(for-each (lambda (s) (display s) (newline) (show-board s) (newline)) (queens 4))
(define first8 (car (queens 8)))
(display first8) (newline)
(show-board first8)
