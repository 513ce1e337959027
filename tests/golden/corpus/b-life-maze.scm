;;; Grids on vectors: Conway's game of life on a torus, a one-dimensional
;;; elementary automaton (rule 30 and 90), and a maze carved by a
;;; randomized depth-first search (driven by a linear congruential
;;; generator, so it is the same every run) then solved by breadth-first
;;; search with a queue made of two lists.
(import (scheme base) (scheme write))

;;; ------------------------------------------------------------ grids

(define (make-grid rows cols init)
  (let ((g (make-vector rows)))
    (do ((r 0 (+ r 1))) ((= r rows) g)
      (vector-set! g r (make-vector cols init)))))

(define (grid-rows g) (vector-length g))
(define (grid-cols g) (vector-length (vector-ref g 0)))
(define (grid-ref g r c) (vector-ref (vector-ref g r) c))
(define (grid-set! g r c v) (vector-set! (vector-ref g r) c v))

(define (grid-from-strings strings)
  (list->vector
   (map (lambda (s)
          (list->vector (map (lambda (ch) (if (char=? ch #\#) 1 0))
                             (string->list s))))
        strings)))

(define (print-grid g cell->char)
  (vector-for-each
   (lambda (row)
     (display (list->string (map cell->char (vector->list row))))
     (newline))
   g))

;;; ------------------------------------------------------------ life

(define (life-step g)
  (let* ((rows (grid-rows g))
         (cols (grid-cols g))
         (next (make-grid rows cols 0)))
    (define (alive? r c)
      (grid-ref g (modulo r rows) (modulo c cols)))
    (define (neighbours r c)
      (let loop ((offsets '((-1 . -1) (-1 . 0) (-1 . 1) (0 . -1)
                            (0 . 1) (1 . -1) (1 . 0) (1 . 1)))
                 (n 0))
        (if (null? offsets)
            n
            (loop (cdr offsets)
                  (+ n (alive? (+ r (caar offsets)) (+ c (cdar offsets))))))))
    (do ((r 0 (+ r 1))) ((= r rows) next)
      (do ((c 0 (+ c 1))) ((= c cols))
        (let ((n (neighbours r c)))
          (grid-set! next r c
                     (case n
                       ((3) 1)
                       ((2) (grid-ref g r c))
                       (else 0))))))))

(define (population g)
  (let ((total 0))
    (vector-for-each
     (lambda (row) (vector-for-each (lambda (x) (set! total (+ total x))) row))
     g)
    total))

(define (run-life title g generations)
  (display title)
  (newline)
  (let loop ((g g) (k 0))
    (display "generation ")
    (display k)
    (display ", population ")
    (display (population g))
    (newline)
    (print-grid g (lambda (x) (if (= x 1) #\# #\.)))
    (when (< k generations)
      (loop (life-step g) (+ k 1)))))

(run-life "glider on an 8x8 torus"
          (grid-from-strings '(".#......" "..#....." "###....." "........"
                               "........" "........" "........" "........"))
          4)

(let ((blinker (grid-from-strings '("....." "..#.." "..#.." "..#.." "....."))))
  (display "blinker has period 2: ")
  (display (equal? blinker (life-step (life-step blinker))))
  (newline))

;;; ------------------------------------------------------------ 1-D rules

(define (elementary rule width steps)
  (let ((cells (make-vector width 0)))
    (vector-set! cells (quotient width 2) 1)
    (let loop ((cells cells) (k 0))
      (display (list->string
                (map (lambda (x) (if (= x 1) #\* #\space)) (vector->list cells))))
      (newline)
      (when (< k steps)
        (let ((next (make-vector width 0)))
          (do ((i 0 (+ i 1))) ((= i width))
            (let* ((l (if (> i 0) (vector-ref cells (- i 1)) 0))
                   (m (vector-ref cells i))
                   (r (if (< i (- width 1)) (vector-ref cells (+ i 1)) 0))
                   (index (+ (* 4 l) (* 2 m) r)))
              (vector-set! next i (if (odd? (quotient rule (expt 2 index))) 1 0))))
          (loop next (+ k 1)))))))

(display "rule 90") (newline)
(elementary 90 31 15)
(display "rule 30") (newline)
(elementary 30 31 12)

;;; ------------------------------------------------------------ random

;; The LCG of Numerical Recipes, modulo 2^32.
(define (make-lcg seed)
  (let ((state seed))
    (lambda (n)
      (set! state (modulo (+ (* state 1664525) 1013904223) 4294967296))
      (quotient (* (quotient state 65536) n) 65536))))

;; Fisher-Yates shuffle of a list, through a vector.
(define (shuffle lst random)
  (let ((v (list->vector lst)))
    (do ((i (- (vector-length v) 1) (- i 1))) ((< i 1) (vector->list v))
      (let* ((j (random (+ i 1)))
             (tmp (vector-ref v i)))
        (vector-set! v i (vector-ref v j))
        (vector-set! v j tmp)))))

;;; ------------------------------------------------------------ maze
;;; A maze of h x w cells is a (2h+1) x (2w+1) character grid; walls #\#.

(define (carve-maze h w seed)
  (let ((grid (make-grid (+ (* 2 h) 1) (+ (* 2 w) 1) #\#))
        (visited (make-grid h w #f))
        (random (make-lcg seed)))
    (define (open! r c) (grid-set! grid r c #\space))
    (define (visit r c)
      (grid-set! visited r c #t)
      (open! (+ (* 2 r) 1) (+ (* 2 c) 1))
      (for-each
       (lambda (d)
         (let ((nr (+ r (car d))) (nc (+ c (cdr d))))
           (when (and (>= nr 0) (< nr h) (>= nc 0) (< nc w)
                      (not (grid-ref visited nr nc)))
             (open! (+ (* 2 r) 1 (car d)) (+ (* 2 c) 1 (cdr d)))
             (visit nr nc))))
       (shuffle '((-1 . 0) (1 . 0) (0 . -1) (0 . 1)) random)))
    (visit 0 0)
    grid))

;; Breadth-first search from (r0 . c0) to (r1 . c1); returns the path as a
;; list of positions or #f. The queue is a pair of lists (front . back).
(define (solve grid start goal)
  (let* ((rows (grid-rows grid))
         (cols (grid-cols grid))
         (came-from (make-grid rows cols #f)))
    (define (enqueue q x) (cons (car q) (cons x (cdr q))))
    (define (dequeue q)
      (if (null? (car q))
          (let ((front (reverse (cdr q))))
            (values (car front) (cons (cdr front) '())))
          (values (caar q) (cons (cdar q) (cdr q)))))
    (define (empty? q) (and (null? (car q)) (null? (cdr q))))
    (define (path-to pos)
      (let loop ((pos pos) (acc '()))
        (if (equal? pos start)
            (cons pos acc)
            (loop (grid-ref came-from (car pos) (cdr pos)) (cons pos acc)))))
    (grid-set! came-from (car start) (cdr start) start)
    (let loop ((q (enqueue (cons '() '()) start)))
      (if (empty? q)
          #f
          (let-values (((pos q) (dequeue q)))
            (if (equal? pos goal)
                (path-to pos)
                (let step ((dirs '((0 . 1) (1 . 0) (0 . -1) (-1 . 0))) (q q))
                  (if (null? dirs)
                      (loop q)
                      (let ((r (+ (car pos) (caar dirs)))
                            (c (+ (cdr pos) (cdar dirs))))
                        (if (and (>= r 0) (< r rows) (>= c 0) (< c cols)
                                 (char=? (grid-ref grid r c) #\space)
                                 (not (grid-ref came-from r c)))
                            (begin
                              (grid-set! came-from r c pos)
                              (step (cdr dirs) (enqueue q (cons r c))))
                            (step (cdr dirs) q)))))))))))

(define (show-maze h w seed)
  (let* ((grid (carve-maze h w seed))
         (start '(1 . 1))
         (goal (cons (- (* 2 h) 1) (- (* 2 w) 1)))
         (path (solve grid start goal)))
    (display "maze ")
    (display h)
    (display "x")
    (display w)
    (display " seed ")
    (display seed)
    (display ": path of ")
    (display (length path))
    (display " squares")
    (newline)
    (for-each (lambda (p) (grid-set! grid (car p) (cdr p) #\o)) path)
    (print-grid grid (lambda (ch) ch))
    ;; Count dead ends: open cells with exactly one open neighbour.
    (let ((dead-ends 0))
      (do ((r 1 (+ r 2))) ((>= r (grid-rows grid)))
        (do ((c 1 (+ c 2))) ((>= c (grid-cols grid)))
          (let ((open (apply + (map (lambda (d)
                                      (if (char=? (grid-ref grid (+ r (car d)) (+ c (cdr d)))
                                                  #\#)
                                          0 1))
                                    '((0 . 1) (1 . 0) (0 . -1) (-1 . 0))))))
            (when (= open 1) (set! dead-ends (+ dead-ends 1))))))
      (display "dead ends: ")
      (display dead-ends)
      (newline))))

(show-maze 5 8 1)
(show-maze 7 12 2024)
(show-maze 3 3 77)

;; A wall-blocked grid has no path.
(let ((g (list->vector (map (lambda (s) (list->vector (string->list s)))
                            '("#####" "#   #" "#####" "#   #" "#####")))))
  (display "blocked: ")
  (write (solve g '(1 . 1) '(3 . 3)))
  (newline))
