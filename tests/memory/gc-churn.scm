;; Issue 11: constant live data, many allocations, no region. A
;; 100,000-element list and a 1,000-entry table stay live throughout while
;; 30,000,000 pairs (480 MB) are made and dropped in the root region:
;; region inference is off (--no-region-inference, tests/memory/rss.py),
;; and the lists are loop-carried, so only the collector can free them.
;; With it the peak RSS stays near the live data; with --no-gc it is the
;; whole 480 MB (measured only).
(define keep (let loop ((i 0) (l '())) (if (= i 100000) l (loop (+ i 1) (cons i l)))))
(define table (make-vector 1000 '()))
(define (churn rounds)
  (let loop ((r 0) (acc '()) (made 0))
    (cond ((= r rounds) made)
          ((= (remainder r 50) 0)
           (vector-set! table (remainder r 1000) acc)   ; an old object points at a young list
           (loop (+ r 1) '() (+ made 1)))
          (else (loop (+ r 1) (cons r acc) (+ made 1))))))
(display (churn 30000000))
(newline)
(display (apply + keep))
(newline)
(display (length (vector-ref table 50)))
(newline)
