;; Issue #5 point 1: 200,000 iterations, each building and summing a
;; 100-element list WITHOUT a region (for comparison only).
;; (tests/memory/rss.py); without the region the lists take 320 MB.
;; Compiled with --no-region-inference: otherwise the compiler gives
;; (sum (build 100)), a number, a region of its own (docs/memory.md).
(define (build n)
  (let loop ((i n) (acc '()))
    (if (= i 0) acc (loop (- i 1) (cons i acc)))))

(define (sum l)
  (let loop ((l l) (s 0))
    (if (null? l) s (loop (cdr l) (+ s (car l))))))

(define total 0)
(do ((i 0 (+ i 1))) ((= i 200000))
  (set! total (+ total (sum (build 100)))))
(display total)
(newline)
