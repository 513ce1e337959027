;;; counter.scm - closures and where their memory lives.
;;;   tools/run examples/counter.scm
;;; `eshkolc --dump-escape examples/counter.scm` shows each allocation's tier.

;; A counter: the closure captures `n`, which set! changes, so `n` lives in
;; a box the closure holds. Both escape (they are returned): region tier.
(define (make-counter)
  (let ((n 0))
    (lambda () (set! n (+ n 1)) n)))

;; Two closures sharing one captured variable.
(define (make-account balance)
  (define (deposit! amount) (set! balance (+ balance amount)) balance)
  (define (withdraw! amount)
    (if (> amount balance)
        (error "insufficient funds" amount balance)
        (begin (set! balance (- balance amount)) balance)))
  (lambda (message . args)
    (case message
      ((deposit) (apply deposit! args))
      ((withdraw) (apply withdraw! args))
      ((balance) balance)
      (else (error "unknown message" message)))))

(define c1 (make-counter))
(define c2 (make-counter))
(c1) (c1) (c2)
(display (list (c1) (c2)))
(newline)

(define acct (make-account 100))
(acct 'deposit 50)
(acct 'withdraw 30)
(display (acct 'balance))
(newline)
(display (guard (e ((error-object? e) (error-object-message e)))
  (acct 'withdraw 1000)))
(newline)

;; A closure that never leaves its procedure lives on the C stack: the
;; lambda handed to for-each is only called, never kept.
(define (sum-squares l)
  (let ((total 0))
    (for-each (lambda (x) (set! total (+ total (* x x)))) l)
    total))
(display (sum-squares '(1 2 3 4)))
(newline)

;; Counters made inside a region survive it: the result is promoted.
(define counters
  (with-region 'setup
    (let loop ((i 0) (acc '()))
      (if (= i 3) acc (loop (+ i 1) (cons (make-counter) acc))))))
(for-each (lambda (c) (c) (c)) counters)
(display (map (lambda (c) (c)) counters))
(newline)
