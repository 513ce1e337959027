(import (scheme base) (scheme write))

;; Programs written in continuation-passing style: every procedure takes
;; its continuation as the last argument and every call is a tail call.
;; Tak, Fibonacci, list operations, a tree walk with early exit through a
;; saved continuation, generators from CPS producers, and a CPS
;; interpreter for arithmetic with exceptions as a second continuation.
;; Each is run in a loop, so that a leak of C stack would show.

(define (identity x) x)

;; Tak in CPS.
(define (tak-cps x y z k)
  (define (lt a b k) (k (< a b)))
  (define (dec a k) (k (- a 1)))
  (lt y x
      (lambda (smaller)
        (if (not smaller)
            (k z)
            (dec x (lambda (x1)
                     (tak-cps x1 y z
                              (lambda (v1)
                                (dec y (lambda (y1)
                                         (tak-cps y1 z x
                                                  (lambda (v2)
                                                    (dec z (lambda (z1)
                                                             (tak-cps z1 x y
                                                                      (lambda (v3)
                                                                        (tak-cps v1 v2 v3 k)))))))))))))))))

;; Fibonacci in CPS, and with an accumulator-passing loop in CPS.
(define (fib-cps n k)
  (if (< n 2)
      (k n)
      (fib-cps (- n 1)
               (lambda (a)
                 (fib-cps (- n 2)
                          (lambda (b) (k (+ a b))))))))

(define (fib-iter-cps n k)
  (let loop ((i 0) (a 0) (b 1) (k k))
    (if (= i n)
        (k a)
        (loop (+ i 1) b (+ a b) k))))

;; List operations.
(define (map-cps f lst k)
  ;; f is itself in CPS
  (if (null? lst)
      (k '())
      (f (car lst)
         (lambda (head)
           (map-cps f (cdr lst)
                    (lambda (tail) (k (cons head tail))))))))

(define (filter-cps pred lst k)
  (cond ((null? lst) (k '()))
        (else
         (pred (car lst)
               (lambda (keep)
                 (filter-cps pred (cdr lst)
                             (lambda (rest)
                               (k (if keep (cons (car lst) rest) rest)))))))))

(define (fold-cps f init lst k)
  (if (null? lst)
      (k init)
      (f init (car lst)
         (lambda (acc) (fold-cps f acc (cdr lst) k)))))

(define (append-cps a b k)
  (if (null? a)
      (k b)
      (append-cps (cdr a) b (lambda (rest) (k (cons (car a) rest))))))

(define (reverse-cps lst k)
  (fold-cps (lambda (acc x k) (k (cons x acc))) '() lst k))

(define (iota-cps n k)
  (let loop ((i (- n 1)) (acc '()))
    (if (< i 0) (k acc) (loop (- i 1) (cons i acc)))))

(define (square-cps x k) (k (* x x)))
(define (odd-cps x k) (k (odd? x)))
(define (add-cps a b k) (k (+ a b)))

;; Quicksort in CPS with a comparison in CPS.
(define (quicksort-cps lst less-cps k)
  (if (null? lst)
      (k '())
      (let ((pivot (car lst)))
        (filter-cps (lambda (x k) (less-cps x pivot k)) (cdr lst)
          (lambda (smaller)
            (filter-cps (lambda (x k) (less-cps x pivot (lambda (b) (k (not b))))) (cdr lst)
              (lambda (larger)
                (quicksort-cps smaller less-cps
                  (lambda (s)
                    (quicksort-cps larger less-cps
                      (lambda (l)
                        (append-cps s (cons pivot l) k))))))))))))

;; A product of a tree of numbers, leaving at once through the initial
;; continuation when a zero is found: the pending multiplications are
;; never done.
(define (tree-product tree k)
  (define visited 0)
  (define (walk t k-now)
    (set! visited (+ visited 1))
    (cond ((null? t) (k-now 1))
          ((number? t) (if (= t 0) (k (list 'zero-after visited)) (k-now t)))
          (else (walk (car t)
                      (lambda (a)
                        (walk (cdr t)
                              (lambda (b) (k-now (* a b)))))))))
  (walk tree (lambda (v) (k (list 'product v 'visited visited)))))

;; Generators: a CPS producer yields each element to a consumer that gets
;; the element and a resume procedure; the consumer decides when to stop.
(define (tree-producer tree)
  (lambda (yield done)
    (let walk ((t tree) (next done))
      (cond ((null? t) (next))
            ((pair? t) (walk (car t) (lambda () (walk (cdr t) next))))
            (else (yield t next))))))

(define (take-from producer n)
  (let ((result '()))
    (producer
     (lambda (x resume)
       (set! result (cons x result))
       (if (< (length result) n) (resume) 'stopped))
     (lambda () 'exhausted))
    (reverse result)))

(define (same-fringe? t1 t2)
  ;; walk both trees in step, with each producer's resume procedure
  ;; saved; uses call/cc to interleave the two CPS walks
  (define (first-leaf producer)
    (call-with-current-continuation
     (lambda (return)
       (producer (lambda (x resume) (return (cons x resume)))
                 (lambda () (return #f))))))
  (define (resume-leaf resume)
    (call-with-current-continuation
     (lambda (return)
       (set! current-return return)
       (resume))))
  (define current-return #f)
  (define (wrap producer)
    (lambda (yield done)
      (producer (lambda (x resume) (current-return (cons x resume)))
                (lambda () (current-return #f)))))
  (let loop ((a (call-with-current-continuation
                 (lambda (r) (set! current-return r) ((wrap (tree-producer t1)) #f #f))))
             (b-start #t)
             (b #f))
    (let ((b (if b-start
                 (call-with-current-continuation
                  (lambda (r) (set! current-return r) ((wrap (tree-producer t2)) #f #f)))
                 b)))
      (cond ((and (not a) (not b)) #t)
            ((or (not a) (not b)) #f)
            ((not (eqv? (car a) (car b))) #f)
            (else
             (let* ((a2 (resume-leaf (cdr a)))
                    (b2 (resume-leaf (cdr b))))
               (loop a2 #f b2)))))))

;; A CPS evaluator for arithmetic with a failure continuation.
(define (eval-cps expr env k fail)
  (cond ((number? expr) (k expr))
        ((symbol? expr)
         (let ((b (assq expr env)))
           (if b (k (cdr b)) (fail (list 'unbound expr)))))
        ((eq? (car expr) 'let1)
         (eval-cps (caddr expr) env
                   (lambda (v) (eval-cps (cadddr-of expr) (cons (cons (cadr expr) v) env) k fail))
                   fail))
        (else
         (eval-args (cdr expr) env
                    (lambda (vals)
                      (case (car expr)
                        ((+) (k (apply + vals)))
                        ((*) (k (apply * vals)))
                        ((-) (k (apply - vals)))
                        ((/) (if (memv 0 (cdr vals))
                                 (fail (list 'divide-by-zero expr))
                                 (k (apply / vals))))
                        (else (fail (list 'unknown-operator (car expr))))))
                    fail))))

(define (cadddr-of x) (car (cdr (cdr (cdr x)))))

(define (eval-args exprs env k fail)
  (if (null? exprs)
      (k '())
      (eval-cps (car exprs) env
                (lambda (v)
                  (eval-args (cdr exprs) env (lambda (vs) (k (cons v vs))) fail))
                fail)))

(define (show label v) (display label) (display ": ") (write v) (newline))

(show "tak 18 12 6" (tak-cps 18 12 6 identity))
(show "fib 20" (fib-cps 20 identity))
(show "fib-iter 100" (fib-iter-cps 100 identity))
(show "squares" (iota-cps 10 (lambda (l) (map-cps square-cps l identity))))
(show "odd squares"
      (iota-cps 10 (lambda (l)
                     (map-cps square-cps l
                              (lambda (sq) (filter-cps odd-cps sq identity))))))
(show "sum" (iota-cps 101 (lambda (l) (fold-cps add-cps 0 l identity))))
(show "reverse" (reverse-cps '(a b c d e) identity))
(show "quicksort"
      (quicksort-cps '(31 4 15 92 65 35 89 79 32 38 46 26 43)
                     (lambda (a b k) (k (< a b)))
                     identity))
(show "tree product" (tree-product '((1 2) (3 (4 5)) 6) identity))
(show "tree with zero" (tree-product '((1 2) (0 (4 5)) 6) identity))
(show "first 4 leaves" (take-from (tree-producer '((a (b)) c (d e) f)) 4))
(show "all leaves" (take-from (tree-producer '((a (b)) c (d e) f)) 100))
(show "same fringe" (same-fringe? '(1 (2 3) 4) '((1 2) (3 (4)))))
(show "different fringe" (same-fringe? '(1 (2 3) 4) '((1 2) (4 (3)))))
(show "shorter fringe" (same-fringe? '(1 2 3) '(1 2)))

(for-each
 (lambda (e)
   (show (list 'eval e)
         (eval-cps e '((x . 6) (y . 7))
                   (lambda (v) (list 'ok v))
                   (lambda (err) (list 'failed err)))))
 '((+ 1 2 3)
   (* x y)
   (- (* x x) (/ y 2))
   (let1 z (+ x y) (* z z))
   (/ 10 (- x 6))
   (+ 1 w)
   (expt 2 3)))

;; Repeat everything many times: all of it is tail calls and closures, so
;; the loop must run in constant stack.
(define (repeat n thunk)
  (let loop ((i 0) (last #f))
    (if (= i n) last (loop (+ i 1) (thunk)))))

(show "repeated tak" (repeat 20 (lambda () (tak-cps 12 8 4 identity))))
(show "repeated quicksort"
      (repeat 200 (lambda ()
                    (quicksort-cps '(5 3 9 1 7 2 8) (lambda (a b k) (k (> a b))) identity))))
(show "long list"
      (iota-cps 100000
                (lambda (l)
                  (map-cps square-cps l
                           (lambda (sq)
                             (fold-cps add-cps 0 sq identity))))))
(show "countdown"
      (let count ((n 1000000) (k identity))
        (if (= n 0) (k 'done) (count (- n 1) k))))

