;; Region inference (compiler/regions.cpp) without a with-region in the
;; text: the value of (work 1000) is only added to a number, and work
;; allocates in a loop (a list and a chain of continuation closures), so
;; each of the 2,000 calls runs in a region of its own and its memory is
;; reused by the next. Without it: about 2,000 x 1,000 x (16-byte pair +
;; 40-byte closure) = 107 MiB; tests/memory/rss.py keeps it under 32 MiB
;; and checks the report's "regions created: 2000".
(define (cps-sum lst k)
  (if (null? lst)
      (k 0)
      (cps-sum (cdr lst) (lambda (s) (k (+ s (car lst)))))))

(define (work n)
  (cps-sum (iota n) (lambda (s) s)))

(define (run count)
  (let loop ((i 0) (total 0))
    (if (= i count)
        total
        (loop (+ i 1) (+ total (work 1000))))))

(display (run 2000))   ; 2000 x 499500
(newline)
