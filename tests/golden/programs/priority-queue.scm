; A binary min-heap priority queue in a growable vector: insert, peek, extract-min, heap sort,
; and an event-driven simulation of print jobs scheduled by priority and arrival time.

(define-record-type heap
  (%make-heap items size less?)
  heap?
  (items heap-items set-heap-items!)
  (size heap-size set-heap-size!)
  (less? heap-less?))

(define (make-heap less?) (%make-heap (make-vector 4 #f) 0 less?))
(define (heap-empty? h) (= (heap-size h) 0))

(define (heap-swap! v i j)
  (let ((t (vector-ref v i))) (vector-set! v i (vector-ref v j)) (vector-set! v j t)))

(define (heap-insert! h x)
  (when (= (heap-size h) (vector-length (heap-items h)))
    (let ((bigger (make-vector (* 2 (vector-length (heap-items h))) #f)))
      (vector-copy! bigger 0 (heap-items h))
      (set-heap-items! h bigger)))
  (let ((v (heap-items h)) (less? (heap-less? h)))
    (vector-set! v (heap-size h) x)
    (let up ((i (heap-size h)))
      (let ((parent (quotient (- i 1) 2)))
        (when (and (> i 0) (less? (vector-ref v i) (vector-ref v parent)))
          (heap-swap! v i parent)
          (up parent))))
    (set-heap-size! h (+ (heap-size h) 1))))

(define (heap-min h)
  (if (heap-empty? h) (error "heap-min: empty heap") (vector-ref (heap-items h) 0)))

(define (heap-extract! h)
  (let* ((v (heap-items h)) (less? (heap-less? h)) (top (heap-min h)) (n (- (heap-size h) 1)))
    (vector-set! v 0 (vector-ref v n))
    (vector-set! v n #f)
    (set-heap-size! h n)
    (let down ((i 0))
      (let* ((l (+ (* 2 i) 1))
             (r (+ l 1))
             (smallest (if (and (< l n) (less? (vector-ref v l) (vector-ref v i))) l i))
             (smallest (if (and (< r n) (less? (vector-ref v r) (vector-ref v smallest))) r smallest)))
        (unless (= smallest i)
          (heap-swap! v i smallest)
          (down smallest))))
    top))

(define (heap-valid? h)
  (let ((v (heap-items h)) (less? (heap-less? h)))
    (let loop ((i 1))
      (or (>= i (heap-size h))
          (and (not (less? (vector-ref v i) (vector-ref v (quotient (- i 1) 2))))
               (loop (+ i 1)))))))

(define (heap-sort lst less?)
  (let ((h (make-heap less?)))
    (for-each (lambda (x) (heap-insert! h x)) lst)
    (let loop ((acc '()))
      (if (heap-empty? h) (reverse acc) (loop (cons (heap-extract! h) acc))))))

;; basic operations
(define h (make-heap <))
(for-each (lambda (x) (heap-insert! h x)) '(42 7 19 3 88 7 1 56 23))
(display (list 'size (heap-size h) 'min (heap-min h) 'valid (heap-valid? h))) (newline)
(let* ((a (heap-extract! h)) (b (heap-extract! h)) (c (heap-extract! h)))
  (display (list a b c)) (newline))
(display (list 'size (heap-size h) 'valid (heap-valid? h))) (newline)
(display (heap-sort '(5 3 9 1 5 8 2 7 0 6 4) <)) (newline)
(display (heap-sort '(5 3 9 1 5 8 2 7 0 6 4) >)) (newline)
(display (heap-sort '("kiwi" "apple" "mango" "banana") string<?)) (newline)

;; a larger check against the built-in sort
(define data (let loop ((i 0) (x 17) (acc '()))
               (if (= i 1000) acc (loop (+ i 1) (modulo (* x 48271) 2147483647) (cons (modulo x 10000) acc)))))
(display (equal? (heap-sort data <) (sort data <))) (newline)

;; scheduling: jobs are (priority arrival name pages); lower priority number first, then earlier arrival
(define (job-before? a b)
  (or (< (car a) (car b))
      (and (= (car a) (car b)) (< (cadr a) (cadr b)))))
(define jobs '((2 0 report 5) (1 1 invoice 2) (3 2 poster 10) (1 3 receipt 1)
               (2 4 letter 3) (3 5 flyer 4) (1 6 label 1)))
(define queue (make-heap job-before?))
(define (simulate pending clock)
  (cond ((and (null? pending) (heap-empty? queue)) clock)
        ((and (pair? pending) (or (heap-empty? queue) (<= (cadr (car pending)) clock)))
         (heap-insert! queue (car pending))
         (simulate (cdr pending) (max clock (cadr (car pending)))))
        (else
         (let ((job (heap-extract! queue)))
           (display "t=") (display clock) (display " print ") (display (caddr job))
           (display " (") (display (cadddr job)) (display " pages)") (newline)
           (simulate pending (+ clock (cadddr job)))))))
(let ((end (simulate jobs 0)))
  (display "finished at t=") (display end) (newline))
(display (guard (e ((error-object? e) (error-object-message e))) (heap-min (make-heap <)))) (newline)
