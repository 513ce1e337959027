; Memoization with association-list caches: a memoized Fibonacci with call counting, a generic memoize
; wrapper for procedures of several arguments, and memoized counting of lattice paths and coin changes.

(define calls 0)
(define (slow-fib n)
  (set! calls (+ calls 1))
  (if (< n 2) n (+ (slow-fib (- n 1)) (slow-fib (- n 2)))))

(define cache '())
(define (memo-fib n)
  (set! calls (+ calls 1))
  (let ((hit (assv n cache)))
    (if hit
        (cdr hit)
        (let ((value (if (< n 2) n (+ (memo-fib (- n 1)) (memo-fib (- n 2))))))
          (set! cache (cons (cons n value) cache))
          value))))

(define (report label thunk)
  (set! calls 0)
  (let ((v (thunk)))
    (display label) (display " = ") (display v) (display "  (") (display calls) (display " calls)") (newline)))

(report "slow-fib 20" (lambda () (slow-fib 20)))
(report "memo-fib 20" (lambda () (memo-fib 20)))
(report "memo-fib 20 again" (lambda () (memo-fib 20)))
(report "memo-fib 100" (lambda () (memo-fib 100)))
(report "memo-fib 300" (lambda () (memo-fib 300)))
(display "cache size: ") (display (length cache)) (newline)

;; a generic wrapper: the cache is keyed by the whole argument list, compared with equal?
(define (memoize f)
  (let ((table '()) (hits 0))
    (lambda args
      (if (equal? args '(stats))
          (list 'entries (length table) 'hits hits)
          (let ((hit (assoc args table)))
            (if hit
                (begin (set! hits (+ hits 1)) (cdr hit))
                (let ((v (apply f args)))
                  (set! table (cons (cons args v) table))
                  v)))))))

;; lattice paths through an m x n grid, moving right or down
(define paths
  (memoize (lambda (m n)
             (if (or (= m 0) (= n 0)) 1 (+ (paths (- m 1) n) (paths m (- n 1)))))))
(display "paths 2x2, 10x10, 30x30: ")
(display (list (paths 2 2) (paths 10 10) (paths 30 30))) (newline)
(display "paths stats: ") (display (paths 'stats)) (newline)

;; ways to make change for an amount from a list of coins
(define ways
  (memoize (lambda (amount coins)
             (cond ((= amount 0) 1)
                   ((or (< amount 0) (null? coins)) 0)
                   (else (+ (ways (- amount (car coins)) coins) (ways amount (cdr coins))))))))
(display "change for 100 with (50 25 10 5 1): ") (display (ways 100 '(50 25 10 5 1))) (newline)
(display "change for 300 with (100 50 20 10 5 2 1): ") (display (ways 300 '(100 50 20 10 5 2 1))) (newline)

;; the memoized results match closed forms: C(2n, n) for square lattices
(define (choose n k) (if (= k 0) 1 (/ (* n (choose (- n 1) (- k 1))) k)))
(display "paths n x n = C(2n, n) for n <= 15: ")
(display (every (lambda (n) (= (paths n n) (choose (* 2 n) n))) (iota 16))) (newline)
