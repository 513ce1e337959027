; The Josephus problem three ways: a circular list spliced with set-cdr!, a vector of survivors,
; and the recurrence J(n,k) = (J(n-1,k) + k) mod n; all three must agree.

;; 1. simulate with a circular list; returns the elimination order, survivor last
(define (josephus-circle n k)
  (let* ((people (iota n 1))
         (last-cell (last-pair people)))
    (set-cdr! last-cell people)                    ; close the circle
    (let loop ((before last-cell) (remaining n) (order '()))
      (if (= remaining 1)
          (reverse (cons (car before) order))
          (let skip ((before before) (i 1))
            (if (< i k)
                (skip (cdr before) (+ i 1))
                (let ((victim (cadr before)))
                  (set-cdr! before (cddr before))     ; splice the victim out
                  (loop before (- remaining 1) (cons victim order)))))))))

;; 2. simulate with a shrinking list and an index
(define (josephus-index n k)
  (let loop ((people (iota n 1)) (pos 0) (order '()))
    (if (null? (cdr people))
        (reverse (cons (car people) order))
        (let* ((pos (modulo (+ pos k -1) (length people)))
               (victim (list-ref people pos)))
          (loop (append (take people pos) (drop people (+ pos 1)))
                pos
                (cons victim order))))))

;; 3. the recurrence, 0-based, converted to 1-based
(define (josephus-survivor n k)
  (let loop ((m 1) (j 0))
    (if (> m n) (+ j 1) (loop (+ m 1) (if (= m 1) 0 (modulo (+ j k) m))))))

(display "n=7 k=3 order: ") (display (josephus-circle 7 3)) (newline)
(display "n=10 k=2 order: ") (display (josephus-circle 10 2)) (newline)
(display "n=41 k=3 survivor: ") (display (last (josephus-circle 41 3))) (newline)
(display "k=1 is the identity: ") (display (equal? (josephus-circle 6 1) (iota 6 1))) (newline)
(display "n=1: ") (display (josephus-circle 1 5)) (newline)

(define all-agree
  (let outer ((n 1))
    (or (> n 30)
        (let inner ((k 1))
          (cond ((> k 7) (outer (+ n 1)))
                ((and (equal? (josephus-circle n k) (josephus-index n k))
                      (= (last (josephus-circle n k)) (josephus-survivor n k)))
                 (inner (+ k 1)))
                (else (display (list 'disagree n k)) (newline) #f))))))
(display "methods agree for n<=30, k<=7: ") (display all-agree) (newline)

(display "survivors for k=2, n=1..16: ")
(display (map (lambda (n) (josephus-survivor n 2)) (iota 16 1))) (newline)
(display "k=2 survivor is 2(n - 2^floor(log2 n)) + 1: ")
(display (every (lambda (n)
                  (let ((p (let loop ((p 1)) (if (> (* 2 p) n) p (loop (* 2 p))))))
                    (= (josephus-survivor n 2) (+ 1 (* 2 (- n p))))))
                (iota 200 1)))
(newline)
(display "n=100000 k=7 survivor: ") (display (josephus-survivor 100000 7)) (newline)
