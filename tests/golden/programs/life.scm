; Conway's Game of Life on a small toroidal grid: a glider travels, a blinker oscillates,
; and a block stays still; population counts and the glider's displacement are checked.

(define (make-grid rows cols) (make-vector (* rows cols) #f))
(define rows 10)
(define cols 12)
(define (index r c) (+ (* (modulo r rows) cols) (modulo c cols)))
(define (alive? g r c) (vector-ref g (index r c)))
(define (set-alive! g r c) (vector-set! g (index r c) #t))

(define (grid-from-cells cells)
  (let ((g (make-grid rows cols)))
    (for-each (lambda (rc) (set-alive! g (car rc) (cadr rc))) cells)
    g))

(define (live-neighbours g r c)
  (let loop ((dr -1) (dc -1) (n 0))
    (cond ((> dr 1) n)
          ((> dc 1) (loop (+ dr 1) -1 n))
          ((and (= dr 0) (= dc 0)) (loop dr (+ dc 1) n))
          (else (loop dr (+ dc 1) (if (alive? g (+ r dr) (+ c dc)) (+ n 1) n))))))

(define (step g)
  (let ((next (make-grid rows cols)))
    (do ((r 0 (+ r 1))) ((= r rows) next)
      (do ((c 0 (+ c 1))) ((= c cols))
        (let ((n (live-neighbours g r c)))
          (when (if (alive? g r c) (or (= n 2) (= n 3)) (= n 3))
            (set-alive! next r c)))))))

(define (population g)
  (let loop ((i 0) (n 0))
    (if (= i (vector-length g)) n (loop (+ i 1) (if (vector-ref g i) (+ n 1) n)))))

(define (cells g)
  (let loop ((r (- rows 1)) (c (- cols 1)) (acc '()))
    (cond ((< r 0) acc)
          ((< c 0) (loop (- r 1) (- cols 1) acc))
          (else (loop r (- c 1) (if (alive? g r c) (cons (list r c) acc) acc))))))

(define (show g)
  (do ((r 0 (+ r 1))) ((= r rows))
    (do ((c 0 (+ c 1))) ((= c cols))
      (display (if (alive? g r c) "#" ".")))
    (newline)))

(define (run g generations)
  (let loop ((g g) (i 0))
    (display "generation ") (display i) (display ", population ") (display (population g)) (newline)
    (show g)
    (if (= i generations) g (loop (step g) (+ i 1)))))

(define glider '((0 1) (1 2) (2 0) (2 1) (2 2)))
(define blinker '((2 9) (3 9) (4 9)))
(define block '((7 5) (7 6) (8 5) (8 6)))
(define start (grid-from-cells (append glider blinker block)))
(define end (run start 4))

;; after four generations the glider has moved one cell down and one to the right
(define (shift cells dr dc) (map (lambda (rc) (list (+ (car rc) dr) (+ (cadr rc) dc))) cells))
(define expected (grid-from-cells (append (shift glider 1 1) blinker block)))
(display "glider moved by (1 1): ") (display (equal? (cells end) (cells expected))) (newline)

;; alone on the torus, the glider keeps moving: after 40 generations it is 10 rows down (back to the
;; same rows, as there are 10) and 10 columns right
(define (iterate g n) (if (= n 0) g (iterate (step g) (- n 1))))
(define lone (grid-from-cells glider))
(define later (iterate lone 40))
(display "after 40 generations: ") (display (cells later)) (newline)
(display "same as a shift by (10 10): ") (display (equal? (cells later) (cells (grid-from-cells (shift glider 10 10))))) (newline)
