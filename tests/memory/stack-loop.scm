;; Issue #5 point 2: 10,000,000 iterations consing non-escaping temporaries
;; (a pair and a small vector per iteration) outside any region. Escape
;; analysis puts both on the C stack: peak RSS stays under 32 MB
;; (tests/memory/rss.py).
(define (run n)
  (let loop ((i 0) (acc 0))
    (if (= i n)
        acc
        (let ((p (cons i (+ i 1)))
              (v (vector i 2 3)))
          (loop (+ i 1) (+ acc (- (cdr p) (car p)) (vector-ref v 1)))))))
(display (run 10000000))
(newline)
