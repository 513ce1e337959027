;; Programs where a wrong stack allocation would print a wrong answer:
;; every value here must survive as long as Scheme says it does.
(define g #f)
(define (show x) (write x) (newline))

;; a list made in a loop and kept by the next iteration
(define (chain n)
  (let loop ((i 0) (prev '()))
    (if (= i n) prev (loop (+ i 1) (cons i prev)))))
(show (chain 5))

;; the previous iteration's pair is read after this one allocates
(define (pairs n)
  (let loop ((i 0) (last #f) (out '()))
    (if (= i n)
        (reverse out)
        (let ((p (cons i (* i i))))
          (loop (+ i 1) p (if last (cons (car last) out) out))))))
(show (pairs 5))

;; a tail of a local list handed to a procedure that keeps it
(define (keep! x) (set! g x))
(let ((l (list 1 2 3)))
  (keep! (cdr l)))
(show g)

;; a local list read through a procedure that returns its argument
(define (id x) x)
(define (via-id) (let ((q (id (list 'a 'b)))) q))
(show (via-id))

;; a closure called after its maker's frame is gone
(define (make-adder n) (let ((k (list n))) (lambda (x) (+ x (car k)))))
(define add5 (make-adder 5))
(show (add5 10))

;; stack closures passed to for-each and map see the right variables
(define (scaled l k)
  (let ((out '()))
    (for-each (lambda (x) (set! out (cons (* k x) out))) l)
    (map (lambda (x) (+ x k)) (reverse out))))
(show (scaled '(1 2 3) 10))

;; a vector made per iteration, kept in a list
(define (vectors n)
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (cons (vector i) acc)))))
(show (vectors 3))

;; a pair captured by a continuation escape
(show (call/cc (lambda (k) (let ((p (cons 'escaped 1))) (k p)))))

;; a pair raised as a condition
(show (guard (e (#t e)) (let ((p (list 'raised 2))) (raise p))))

;; set! of a local variable to a value made in a loop
(define (last-of n)
  (let ((keep #f))
    (do ((i 0 (+ i 1))) ((= i n) keep)
      (set! keep (cons i 'x)))))
(show (last-of 4))

;; a value stored into a local container that is returned
(define (boxed x) (let ((b (vector #f))) (vector-set! b 0 (cons x x)) b))
(show (boxed 7))

;; values through apply and values
(show (apply list (list 1 2 (list 3))))
(call-with-values (lambda () (let ((p (cons 1 2))) (values p p)))
  (lambda (a b) (show (list a b (eq? a b)))))

;; a stack list passed to a reader in a loop, fresh every iteration
(define (sum l) (if (null? l) 0 (+ (car l) (sum (cdr l)))))
(define (sums n)
  (let loop ((i 0) (acc '()))
    (if (= i n) (reverse acc) (loop (+ i 1) (cons (sum (list i i i)) acc)))))
(show (sums 4))
