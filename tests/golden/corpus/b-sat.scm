;;; A DPLL SAT solver: clauses are lists of non-zero integers (DIMACS
;;; style literals), assignments are vectors indexed by variable. Unit
;;; propagation, pure-literal elimination, and branching on the most
;;; frequent variable. Formulas come from encodings (pigeonhole,
;;; n-queens, graph colouring) and from a seeded random 3-SAT generator.
(import (scheme base) (scheme write))

;;; ------------------------------------------------------------ formulas

(define (var-of lit) (abs lit))

(define (max-var clauses)
  (let loop ((cs clauses) (m 0))
    (if (null? cs)
        m
        (loop (cdr cs) (apply max m (map var-of (car cs)))))))

;; Simplify clauses under lit being true: drop satisfied clauses, remove
;; the opposite literal from the rest. Returns #f on an empty clause.
(define (assign-literal clauses lit)
  (call-with-current-continuation
   (lambda (conflict)
     (let loop ((cs clauses) (acc '()))
       (cond ((null? cs) (reverse acc))
             ((memv lit (car cs)) (loop (cdr cs) acc))
             ((memv (- lit) (car cs))
              (let ((shorter (remove-literal (- lit) (car cs))))
                (if (null? shorter)
                    (conflict #f)
                    (loop (cdr cs) (cons shorter acc)))))
             (else (loop (cdr cs) (cons (car cs) acc))))))))

(define (remove-literal lit clause)
  (let loop ((c clause))
    (cond ((null? c) '())
          ((= (car c) lit) (loop (cdr c)))
          (else (cons (car c) (loop (cdr c)))))))

(define (find-unit clauses)
  (cond ((null? clauses) #f)
        ((null? (cdar clauses)) (caar clauses))
        (else (find-unit (cdr clauses)))))

;; Literal occurrence counts in an association list (lit . count).
(define (literal-counts clauses)
  (let loop ((cs clauses) (counts '()))
    (if (null? cs)
        counts
        (loop (cdr cs)
              (let add ((lits (car cs)) (counts counts))
                (if (null? lits)
                    counts
                    (let ((entry (assv (car lits) counts)))
                      (if entry
                          (begin (set-cdr! entry (+ (cdr entry) 1))
                                 (add (cdr lits) counts))
                          (add (cdr lits) (cons (cons (car lits) 1) counts))))))))))

(define (find-pure counts)
  (let loop ((cs counts))
    (cond ((null? cs) #f)
          ((assv (- (caar cs)) counts) (loop (cdr cs)))
          (else (caar cs)))))

(define (choose-branch counts)
  ;; the variable with most occurrences; its more frequent polarity first
  (let loop ((cs counts) (best #f) (best-score -1))
    (if (null? cs)
        best
        (let* ((lit (caar cs))
               (pos (cond ((assv (var-of lit) counts) => cdr) (else 0)))
               (neg (cond ((assv (- (var-of lit)) counts) => cdr) (else 0)))
               (score (+ pos neg)))
          (if (or (> score best-score)
                  (and (= score best-score) (< (var-of lit) (var-of best))))
              (loop (cdr cs) (if (>= pos neg) (var-of lit) (- (var-of lit))) score)
              (loop (cdr cs) best best-score))))))

;; The solver returns an assignment vector (index = variable, #t/#f/'free)
;; or #f, and counts its decisions in a box.
(define (dpll clauses nvars)
  (let ((assignment (make-vector (+ nvars 1) 'free))
        (decisions 0)
        (propagations 0))
    (define (set-lit! lit) (vector-set! assignment (var-of lit) (> lit 0)))
    (define (unset-lits! lits)
      (for-each (lambda (l) (vector-set! assignment (var-of l) 'free)) lits))
    (define (search clauses trail)
      (let ((unit (find-unit clauses)))
        (cond
         ((null? clauses) #t)
         (unit
          (set! propagations (+ propagations 1))
          (let ((next (assign-literal clauses unit)))
            (set-lit! unit)
            (or (and next (search next (cons unit trail)))
                (begin (unset-lits! (list unit)) #f))))
         (else
          (let* ((counts (literal-counts clauses))
                 (pure (find-pure counts)))
            (if pure
                (begin
                  (set-lit! pure)
                  (or (search (assign-literal clauses pure) trail)
                      (begin (unset-lits! (list pure)) #f)))
                (let ((lit (choose-branch counts)))
                  (set! decisions (+ decisions 1))
                  (let try ((choices (list lit (- lit))))
                    (cond ((null? choices) #f)
                          (else
                           (let ((next (assign-literal clauses (car choices))))
                             (set-lit! (car choices))
                             (or (and next (search next trail))
                                 (begin (unset-lits! (list (car choices)))
                                        (try (cdr choices)))))))))))))))
    (let ((result (search clauses '())))
      (values (and result assignment) decisions propagations))))

(define (satisfies? clauses assignment)
  (define (true? lit)
    (let ((v (vector-ref assignment (var-of lit))))
      (if (eq? v 'free) #f (if (> lit 0) v (not v)))))
  (let loop ((cs clauses))
    (or (null? cs)
        (and (let any ((c (car cs)))
               (and (pair? c) (or (true? (car c)) (any (cdr c)))))
             (loop (cdr cs))))))

;; Fill unconstrained variables with #f so models print completely.
(define (complete! assignment)
  (do ((i 1 (+ i 1))) ((= i (vector-length assignment)) assignment)
    (when (eq? (vector-ref assignment i) 'free)
      (vector-set! assignment i #f))))

(define (report name clauses show-model)
  (let ((n (max-var clauses)))
    (let-values (((model decisions propagations) (dpll clauses n)))
      (display name)
      (display ": ")
      (display n)
      (display " vars, ")
      (display (length clauses))
      (display " clauses: ")
      (if model
          (begin (complete! model)
                 (display "SAT")
                 (display (if (satisfies? clauses model) " (verified)" " (WRONG)")))
          (display "UNSAT"))
      (display ", ")
      (display decisions)
      (display " decisions, ")
      (display propagations)
      (display " unit propagations")
      (newline)
      (when (and model show-model)
        (show-model model)))))

;;; ------------------------------------------------------------ encodings

(define (range a b) (if (>= a b) '() (cons a (range (+ a 1) b))))

(define (at-most-one lits)
  (let loop ((ls lits) (acc '()))
    (if (null? ls)
        (reverse acc)
        (loop (cdr ls)
              (append (reverse (map (lambda (other) (list (- (car ls)) (- other)))
                                    (cdr ls)))
                      acc)))))

;; Pigeonhole: p pigeons into h holes; variable (i,j) = i*h + j + 1.
(define (pigeonhole p h)
  (define (v i j) (+ (* i h) j 1))
  (append
   (map (lambda (i) (map (lambda (j) (v i j)) (range 0 h))) (range 0 p))
   (apply append
          (map (lambda (j) (at-most-one (map (lambda (i) (v i j)) (range 0 p))))
               (range 0 h)))))

(define (queens n)
  (define (v r c) (+ (* r n) c 1))
  (let ((rows (map (lambda (r) (map (lambda (c) (v r c)) (range 0 n))) (range 0 n)))
        (cols (map (lambda (c) (map (lambda (r) (v r c)) (range 0 n))) (range 0 n)))
        (diagonals
         ;; r - c constant, then r + c constant
         (let ((cells-where
                (lambda (keep?)
                  (let loop ((r 0) (c 0) (out '()))
                    (cond ((= r n) (reverse out))
                          ((= c n) (loop (+ r 1) 0 out))
                          ((keep? r c) (loop r (+ c 1) (cons (v r c) out)))
                          (else (loop r (+ c 1) out)))))))
           (append
            (map (lambda (d) (cells-where (lambda (r c) (= (- r c) d))))
                 (range (- 1 n) n))
            (map (lambda (s) (cells-where (lambda (r c) (= (+ r c) s))))
                 (range 0 (- (* 2 n) 1)))))))
    (append rows
            (apply append (map at-most-one rows))
            (apply append (map at-most-one cols))
            (apply append (map at-most-one diagonals)))))

(define (show-queens n)
  (lambda (model)
    (do ((r 0 (+ r 1))) ((= r n))
      (display "  ")
      (do ((c 0 (+ c 1))) ((= c n))
        (display (if (vector-ref model (+ (* r n) c 1)) "Q " ". ")))
      (newline))))

;; k-colouring of a graph given as an edge list over vertices 0..n-1.
(define (colouring n k edges)
  (define (v vertex colour) (+ (* vertex k) colour 1))
  (append
   (map (lambda (x) (map (lambda (c) (v x c)) (range 0 k))) (range 0 n))
   (apply append
          (map (lambda (e)
                 (map (lambda (c) (list (- (v (car e) c)) (- (v (cdr e) c))))
                      (range 0 k)))
               edges))))

(define (show-colouring k)
  (lambda (model)
    (display "  colours:")
    (let loop ((x 0))
      (when (< (* x k) (- (vector-length model) 1))
        (let find ((c 0))
          (cond ((= c k) (display " ?"))
                ((vector-ref model (+ (* x k) c 1)) (display " ") (display c))
                (else (find (+ c 1)))))
        (loop (+ x 1))))
    (newline)))

(define petersen
  '((0 . 1) (1 . 2) (2 . 3) (3 . 4) (4 . 0)
    (0 . 5) (1 . 6) (2 . 7) (3 . 8) (4 . 9)
    (5 . 7) (7 . 9) (9 . 6) (6 . 8) (8 . 5)))

(define (random-3sat nvars nclauses seed)
  (let ((state seed))
    (define (next n)
      (set! state (modulo (+ (* state 69069) 1) 4294967296))
      (quotient (* (quotient state 65536) n) 65536))
    (let loop ((k 0) (acc '()))
      (if (= k nclauses)
          (reverse acc)
          (let* ((a (+ 1 (next nvars)))
                 (b (+ 1 (next nvars)))
                 (c (+ 1 (next nvars)))
                 (sa (if (= 0 (next 2)) a (- a)))
                 (sb (if (= 0 (next 2)) b (- b)))
                 (sc (if (= 0 (next 2)) c (- c))))
            (loop (+ k 1) (cons (list sa sb sc) acc)))))))

(report "trivial" '((1 2) (-1 2) (1 -2)) (lambda (m) (display "  model ") (write (cdr (vector->list m))) (newline)))
(report "contradiction" '((1) (-1)) #f)
(report "pigeonhole 3->3" (pigeonhole 3 3) #f)
(report "pigeonhole 4->3" (pigeonhole 4 3) #f)
(report "pigeonhole 5->4" (pigeonhole 5 4) #f)
(report "4 queens" (queens 4) (show-queens 4))
(report "3 queens" (queens 3) #f)
(report "6 queens" (queens 6) (show-queens 6))
(report "petersen 3-colouring" (colouring 10 3 petersen) (show-colouring 3))
(report "petersen 2-colouring" (colouring 10 2 petersen) #f)
(do ((seed 1 (+ seed 1))) ((> seed 6))
  (report (string-append "random 3-sat seed " (number->string seed))
          (random-3sat 20 (+ 70 (* seed 4)) seed)
          #f))
