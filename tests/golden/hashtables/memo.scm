; Memoization with a hash table keyed by argument lists: the number of
; lattice paths, and Fibonacci numbers far past the fixnum range.
(define (memoize f)
  (let ((cache (make-hash-table)))
    (lambda args
      (hash-table-ref cache args
                      (lambda ()
                        (let ((v (apply f args)))
                          (hash-table-set! cache args v)
                          v))))))
(define paths
  (memoize (lambda (r c)
             (if (or (= r 0) (= c 0)) 1 (+ (paths (- r 1) c) (paths r (- c 1)))))))
(display (paths 16 16)) (newline)
(display (paths 30 30)) (newline)
(define fib
  (memoize (lambda (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))))
(display (fib 90)) (newline)
(display (fib 200)) (newline)
