;;; A sorting and searching library: merge sort on lists, quicksort
;;; (median of three, insertion sort for small ranges), heapsort and a
;;; bottom-up merge sort on vectors, binary search and lower/upper bounds,
;;; stable sorting by keys, and selection of the k-th element. Every sort
;;; is checked against the others on data from an LCG.
(import (scheme base) (scheme write) (scheme char))

;;; ------------------------------------------------------------ data

(define (make-lcg seed)
  (let ((state seed))
    (lambda (n)
      (set! state (modulo (+ (* state 22695477) 1) 4294967296))
      (modulo (quotient state 65536) n))))

(define (random-vector n range seed)
  (let ((random (make-lcg seed)) (v (make-vector n)))
    (do ((i 0 (+ i 1))) ((= i n) v)
      (vector-set! v i (random range)))))

;;; ------------------------------------------------------------ lists

(define (list-merge-sort less? lst)
  (define (merge a b)
    ;; iterative, so long lists do not need a deep stack; stable: ties from a
    (let loop ((a a) (b b) (acc '()))
      (cond ((null? a) (append (reverse acc) b))
            ((null? b) (append (reverse acc) a))
            ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
            (else (loop (cdr a) b (cons (car a) acc))))))
  (define (split lst)
    (let loop ((slow lst) (fast (cdr lst)) (front '()))
      (if (or (null? fast) (null? (cdr fast)))
          (values (reverse (cons (car slow) front)) (cdr slow))
          (loop (cdr slow) (cddr fast) (cons (car slow) front)))))
  (let sort ((lst lst))
    (if (or (null? lst) (null? (cdr lst)))
        lst
        (let-values (((a b) (split lst)))
          (merge (sort a) (sort b))))))

;;; ------------------------------------------------------------ vectors

(define (vector-swap! v i j)
  (let ((t (vector-ref v i)))
    (vector-set! v i (vector-ref v j))
    (vector-set! v j t)))

(define (insertion-sort! less? v lo hi)
  (do ((i (+ lo 1) (+ i 1))) ((> i hi) v)
    (let ((x (vector-ref v i)))
      (let shift ((j (- i 1)))
        (if (and (>= j lo) (less? x (vector-ref v j)))
            (begin (vector-set! v (+ j 1) (vector-ref v j))
                   (shift (- j 1)))
            (vector-set! v (+ j 1) x))))))

(define comparisons 0)
(define (counting less?)
  (lambda (a b) (set! comparisons (+ comparisons 1)) (less? a b)))

(define (quicksort! less? v)
  (define (median-of-three lo hi)
    (let ((mid (quotient (+ lo hi) 2)))
      (when (less? (vector-ref v mid) (vector-ref v lo)) (vector-swap! v mid lo))
      (when (less? (vector-ref v hi) (vector-ref v lo)) (vector-swap! v hi lo))
      (when (less? (vector-ref v hi) (vector-ref v mid)) (vector-swap! v hi mid))
      (vector-ref v mid)))
  (define (partition lo hi pivot)
    ;; Hoare partition
    (let loop ((i lo) (j hi))
      (let ((i (let up ((i i)) (if (less? (vector-ref v i) pivot) (up (+ i 1)) i)))
            (j (let down ((j j)) (if (less? pivot (vector-ref v j)) (down (- j 1)) j))))
        (if (>= i j)
            j
            (begin (vector-swap! v i j)
                   (loop (+ i 1) (- j 1)))))))
  (let sort ((lo 0) (hi (- (vector-length v) 1)))
    (cond ((< (- hi lo) 8) (insertion-sort! less? v lo hi))
          (else
           (let ((p (partition lo hi (median-of-three lo hi))))
             (sort lo p)
             (sort (+ p 1) hi)))))
  v)

(define (heapsort! less? v)
  (let ((n (vector-length v)))
    (define (sift-down start end)
      (let loop ((root start))
        (let ((child (+ (* 2 root) 1)))
          (when (<= child end)
            (let* ((child (if (and (< child end)
                                   (less? (vector-ref v child) (vector-ref v (+ child 1))))
                              (+ child 1)
                              child)))
              (when (less? (vector-ref v root) (vector-ref v child))
                (vector-swap! v root child)
                (loop child)))))))
    (do ((start (quotient (- n 2) 2) (- start 1))) ((< start 0))
      (sift-down start (- n 1)))
    (do ((end (- n 1) (- end 1))) ((<= end 0) v)
      (vector-swap! v 0 end)
      (sift-down 0 (- end 1)))))

;; Bottom-up merge sort with one scratch vector; stable.
(define (vector-merge-sort! less? v)
  (let* ((n (vector-length v))
         (tmp (make-vector n)))
    (let pass ((width 1) (from v) (to tmp))
      (if (>= width n)
          (begin (unless (eq? from v) (vector-copy! v 0 from)) v)
          (begin
            (do ((lo 0 (+ lo (* 2 width)))) ((>= lo n))
              (let ((mid (min n (+ lo width)))
                    (hi (min n (+ lo (* 2 width)))))
                (let merge ((i lo) (j mid) (k lo))
                  (cond ((= k hi) 'done)
                        ((and (< i mid) (or (= j hi) (not (less? (vector-ref from j) (vector-ref from i)))))
                         (vector-set! to k (vector-ref from i))
                         (merge (+ i 1) j (+ k 1)))
                        (else
                         (vector-set! to k (vector-ref from j))
                         (merge i (+ j 1) (+ k 1)))))))
            (pass (* 2 width) to from))))))

(define (sorted? less? v)
  (let loop ((i 1))
    (or (>= i (vector-length v))
        (and (not (less? (vector-ref v i) (vector-ref v (- i 1))))
             (loop (+ i 1))))))

;;; ------------------------------------------------------------ searching

;; The first index whose element is not less than x (lower bound), and
;; the first whose element is greater than x (upper bound).
(define (lower-bound less? v x)
  (let loop ((lo 0) (hi (vector-length v)))
    (if (>= lo hi)
        lo
        (let ((mid (quotient (+ lo hi) 2)))
          (if (less? (vector-ref v mid) x) (loop (+ mid 1) hi) (loop lo mid))))))

(define (upper-bound less? v x)
  (let loop ((lo 0) (hi (vector-length v)))
    (if (>= lo hi)
        lo
        (let ((mid (quotient (+ lo hi) 2)))
          (if (less? x (vector-ref v mid)) (loop lo mid) (loop (+ mid 1) hi))))))

(define (binary-search less? v x)
  (let ((i (lower-bound less? v x)))
    (and (< i (vector-length v))
         (not (less? x (vector-ref v i)))
         i)))

;; Quickselect for the k-th smallest (0-based), on a copy.
(define (select-kth less? v k)
  (let ((v (vector-copy v)))
    (let loop ((lo 0) (hi (- (vector-length v) 1)))
      (if (= lo hi)
          (vector-ref v lo)
          (let ((pivot (vector-ref v (quotient (+ lo hi) 2))))
            ;; three-way partition: < pivot, = pivot, > pivot
            (let part ((lt lo) (i lo) (gt hi))
              (cond ((> i gt)
                     (cond ((< k lt) (loop lo (- lt 1)))
                           ((> k gt) (loop (+ gt 1) hi))
                           (else pivot)))
                    ((less? (vector-ref v i) pivot)
                     (vector-swap! v lt i) (part (+ lt 1) (+ i 1) gt))
                    ((less? pivot (vector-ref v i))
                     (vector-swap! v i gt) (part lt i (- gt 1)))
                    (else (part lt (+ i 1) gt)))))))))

;;; ------------------------------------------------------------ checks

(define sorters
  (list (cons "list merge sort"
              (lambda (less? v) (list->vector (list-merge-sort less? (vector->list v)))))
        (cons "quicksort" (lambda (less? v) (quicksort! less? (vector-copy v))))
        (cons "heapsort" (lambda (less? v) (heapsort! less? (vector-copy v))))
        (cons "vector merge sort" (lambda (less? v) (vector-merge-sort! less? (vector-copy v))))))

(define (check-all label data)
  (display label)
  (display ":")
  (newline)
  (let ((reference ((cdar sorters) < data)))
    (for-each
     (lambda (entry)
       (set! comparisons 0)
       (let ((result ((cdr entry) (counting <) data)))
         (display "  ")
         (display (car entry))
         (display (make-string (- 18 (string-length (car entry))) #\space))
         (display (if (and (sorted? < result) (equal? result reference)) "ok" "WRONG"))
         (display ", ")
         (display comparisons)
         (display " comparisons")
         (newline)))
     sorters)
    reference))

(define small (random-vector 20 100 7))
(display "data: ")
(write small)
(newline)
(display "sorted: ")
(write (check-all "20 numbers" small))
(newline)
(check-all "500 numbers below 1000" (random-vector 500 1000 99))
(check-all "300 numbers below 5 (many ties)" (random-vector 300 5 3))
(check-all "already sorted" (list->vector (let loop ((i 199) (acc '())) (if (< i 0) acc (loop (- i 1) (cons i acc))))))
(check-all "reversed" (list->vector (let loop ((i 0) (acc '())) (if (= i 200) acc (loop (+ i 1) (cons i acc))))))
(check-all "empty" (vector))
(check-all "one" (vector 42))

(let* ((v (quicksort! < (random-vector 1000 5000 2024)))
       (probes '(0 17 2500 4999 1234 3000)))
  (for-each (lambda (x)
              (display "search ")
              (display x)
              (display ": ")
              (let ((i (binary-search < v x)))
                (if i
                    (begin (display "found, ")
                           (display (- (upper-bound < v x) (lower-bound < v x)))
                           (display " copies"))
                    (begin (display "absent, would go at ")
                           (display (lower-bound < v x)))))
              (newline))
            probes)
  (display "median by select: ")
  (display (select-kth < v 500))
  (display ", by sorting: ")
  (display (vector-ref v 500))
  (newline))

;; Stable sorting by key: records sorted by grade keep their name order.
(define students
  '(("ada" . 3) ("bob" . 1) ("cy" . 2) ("dee" . 3) ("eve" . 1) ("fay" . 2)
    ("gus" . 3) ("hal" . 1)))
(define (by-grade a b) (< (cdr a) (cdr b)))
(display "stable by grade: ")
(write (map car (list-merge-sort by-grade students)))
(newline)
(display "vector merge sort agrees: ")
(display (equal? (list->vector (list-merge-sort by-grade students))
                 (vector-merge-sort! by-grade (list->vector students))))
(newline)
(display "by name descending, case-insensitive: ")
(write (list-merge-sort (lambda (a b) (string-ci>? a b)) '("pear" "Apple" "fig" "Banana" "cherry" "apple")))
(newline)
(display "strings by length then alphabet: ")
(write (vector->list
        (heapsort! (lambda (a b) (or (< (string-length a) (string-length b))
                                     (and (= (string-length a) (string-length b)) (string<? a b))))
                   (vector "kiwi" "fig" "banana" "apple" "date" "plum" "cherry" "yam"))))
(newline)
