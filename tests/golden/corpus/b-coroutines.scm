;;; Generators and coroutines built on call/cc: a `make-generator` that
;;; turns any procedure taking a `yield` into a stream of values, the
;;; same-fringe problem on trees, a producer/consumer pipeline, and a
;;; round-robin scheduler of cooperative threads with a shared mailbox.
(import (scheme base) (scheme write))

;;; ------------------------------------------------------------ generators

(define done (list 'done))       ; a unique end marker
(define (done? x) (eq? x done))

;; (make-generator (lambda (yield) ...)) returns a thunk; each call runs
;; the body until its next yield and returns the yielded value, or `done`.
(define (make-generator body)
  (define return #f)
  (define resume
    (lambda (ignored)
      (body (lambda (value)
              (call-with-current-continuation
               (lambda (k)
                 (set! resume k)
                 (return value)))))
      ;; the body finished: every later call answers done
      (begin
        (set! resume (lambda (ignored) (return done)))
        (return done))))
  (lambda ()
    (call-with-current-continuation
     (lambda (k)
       (set! return k)
       (resume #f)))))

(define (generator->list gen)
  (let loop ((acc '()))
    (let ((v (gen)))
      (if (done? v) (reverse acc) (loop (cons v acc))))))

(define (take gen n)
  (let loop ((k 0) (acc '()))
    (if (= k n)
        (reverse acc)
        (let ((v (gen)))
          (if (done? v) (reverse acc) (loop (+ k 1) (cons v acc)))))))

(define (gen-map f gen)
  (lambda ()
    (let ((v (gen)))
      (if (done? v) done (f v)))))

(define (gen-filter pred gen)
  (lambda ()
    (let loop ()
      (let ((v (gen)))
        (cond ((done? v) done)
              ((pred v) v)
              (else (loop)))))))

(define (counting-from n)
  (make-generator
   (lambda (yield)
     (let loop ((i n))
       (yield i)
       (loop (+ i 1))))))

(define (list->generator lst)
  (make-generator (lambda (yield) (for-each yield lst))))

;; Primes by a chain of filters, one per prime found.
(define (primes)
  (make-generator
   (lambda (yield)
     (let loop ((gen (counting-from 2)))
       (let ((p (gen)))
         (yield p)
         (loop (gen-filter (lambda (n) (not (= 0 (remainder n p)))) gen)))))))

(display "first primes: ")
(write (take (primes) 15))
(newline)
(display "squares of odd numbers: ")
(write (take (gen-map (lambda (x) (* x x)) (gen-filter odd? (counting-from 1))) 8))
(newline)
(display "finite list: ")
(write (generator->list (list->generator '(a b c))))
(newline)
(let ((g (list->generator '(1))))
  (display "after the end: ")
  (write (list (g) (done? (g)) (done? (g))))
  (newline))

;;; ------------------------------------------------------------ same fringe

(define (tree-walker tree)
  (make-generator
   (lambda (yield)
     (let walk ((t tree))
       (cond ((null? t) 'skip)
             ((pair? t) (walk (car t)) (walk (cdr t)))
             (else (yield t)))))))

;; Compares leaf by leaf, stopping at the first difference; counts how
;; many leaves it looked at to show that it does not flatten the trees.
(define (same-fringe? a b)
  (let ((ga (tree-walker a)) (gb (tree-walker b)))
    (let loop ((steps 1))
      (let* ((x (ga)) (y (gb)))
        (cond ((and (done? x) (done? y)) (values #t steps))
              ((or (done? x) (done? y) (not (eqv? x y))) (values #f steps))
              (else (loop (+ steps 1))))))))

(for-each
 (lambda (pair)
   (let-values (((same steps) (same-fringe? (car pair) (cdr pair))))
     (write (car pair))
     (display " vs ")
     (write (cdr pair))
     (display (if same " same" " different"))
     (display " after ")
     (display steps)
     (display " steps")
     (newline)))
 '((((1 2) 3) . (1 (2 3)))
   ((1 (2 (3 (4 5)))) . ((((1 2) 3) 4) 5))
   ((1 2 3 4 5 6) . (1 2 9 4 5 6))
   ((1 2) . (1 2 3))
   (() . ())))

;;; ------------------------------------------------------------ pipeline

;; A producer of words, a transformer that groups them in pairs, and a
;; consumer: each stage is a generator pulling from the one before.
(define (words text)
  (make-generator
   (lambda (yield)
     (let ((port (open-input-string text)))
       (let loop ((chars '()))
         (let ((c (read-char port)))
           (cond ((eof-object? c)
                  (unless (null? chars) (yield (list->string (reverse chars)))))
                 ((char=? c #\space)
                  (unless (null? chars) (yield (list->string (reverse chars))))
                  (loop '()))
                 (else (loop (cons c chars))))))))))

(define (pairs gen)
  (make-generator
   (lambda (yield)
     (let loop ()
       (let ((a (gen)))
         (unless (done? a)
           (let ((b (gen)))
             (yield (if (done? b) (list a) (list a b)))
             (unless (done? b) (loop)))))))))

(display "pairs: ")
(write (generator->list (pairs (words "the quick  brown fox jumps over the lazy dog"))))
(newline)

;;; ------------------------------------------------------------ threads

;; Cooperative threads: a queue of continuations; `yield!` puts the
;; current one at the back and runs the next; `spawn` adds a thunk.
(define ready '())
(define scheduler-exit #f)
(define trace '())

(define (note! x) (set! trace (cons x trace)))

(define (enqueue! k) (set! ready (append ready (list k))))

(define (run-next!)
  (if (null? ready)
      (scheduler-exit 'all-done)
      (let ((k (car ready)))
        (set! ready (cdr ready))
        (k #f))))

(define (yield!)
  (call-with-current-continuation
   (lambda (k)
     (enqueue! k)
     (run-next!))))

(define (spawn thunk)
  (enqueue! (lambda (ignored) (thunk) (run-next!))))

(define (run-threads!)
  (call-with-current-continuation
   (lambda (k)
     (set! scheduler-exit k)
     (run-next!))))

;; A mailbox: receivers wait by yielding until a message is there.
(define mailbox '())
(define (send! msg) (set! mailbox (append mailbox (list msg))))
(define (receive!)
  (let wait ()
    (if (null? mailbox)
        (begin (yield!) (wait))
        (let ((m (car mailbox)))
          (set! mailbox (cdr mailbox))
          m))))

(spawn (lambda ()
         (do ((i 1 (+ i 1))) ((> i 3))
           (note! `(producer sends ,i))
           (send! i)
           (yield!))
         (send! 'stop)))
(spawn (lambda ()
         (let loop ((sum 0))
           (let ((m (receive!)))
             (if (eq? m 'stop)
                 (note! `(consumer total ,sum))
                 (begin (note! `(consumer got ,m))
                        (loop (+ sum m))))))))
(spawn (lambda ()
         (do ((i 0 (+ i 1))) ((= i 4))
           (note! `(ticker ,i))
           (yield!))))

(display "scheduler: ")
(write (run-threads!))
(newline)
(for-each (lambda (entry) (display "  ") (write entry) (newline)) (reverse trace))
