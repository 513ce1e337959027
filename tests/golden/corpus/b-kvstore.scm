;;; A transactional key-value store and its error handling: transactions
;;; are undo logs unwound by dynamic-wind, conditions are raised with
;;; `raise` (records) and `error` (error objects), handled with `guard`,
;;; `with-exception-handler` and `raise-continuable` (a handler that
;;; supplies defaults for missing keys), with nested transactions.
(import (scheme base) (scheme write))

(define-record-type store-condition
  (make-store-condition kind key detail)
  store-condition?
  (kind condition-kind)
  (key condition-key)
  (detail condition-detail))

(define log '())
(define (note! . items) (set! log (cons items log)))
(define (show-log title)
  (display title)
  (newline)
  (for-each (lambda (entry) (display "  ") (write entry) (newline)) (reverse log))
  (set! log '()))

;;; ------------------------------------------------------------ the store
;;; data: an alist in a box; undo: a stack of (key . old-entry-or-#f) per
;;; open transaction.

(define (make-store)
  (let ((data '())
        (undo-stack '()))
    (define (lookup key)
      (let ((entry (assoc key data)))
        (if entry
            (cdr entry)
            ;; ask the handler for a default; it may return one
            (raise-continuable (make-store-condition 'missing key #f)))))
    (define (record-undo! key)
      (unless (null? undo-stack)
        (set-car! undo-stack (cons (cons key (assoc key data)) (car undo-stack)))))
    (define (put! key value)
      (unless (string? key)
        (raise (make-store-condition 'bad-key key "keys are strings")))
      (record-undo! key)
      (let ((old (assoc key data)))
        (set! data (cons (cons key value)
                         (let remove ((d data))
                           (cond ((null? d) '())
                                 ((equal? (caar d) key) (cdr d))
                                 (else (cons (car d) (remove (cdr d))))))))
        (and old (cdr old))))
    (define (delete! key)
      (unless (assoc key data)
        (error "delete!: no such key" key))
      (record-undo! key)
      (set! data (let remove ((d data))
                   (cond ((null? d) '())
                         ((equal? (caar d) key) (cdr d))
                         (else (cons (car d) (remove (cdr d))))))))
    (define (rollback! entries)
      (for-each (lambda (u)
                  (let ((key (car u)) (old (cdr u)))
                    (set! data (let remove ((d data))
                                 (cond ((null? d) '())
                                       ((equal? (caar d) key) (cdr d))
                                       (else (cons (car d) (remove (cdr d)))))))
                    (when old (set! data (cons old data)))))
                entries))
    ;; Run thunk in a transaction: on a normal return its changes stay
    ;; (and join the enclosing transaction's undo log); on any exit by an
    ;; escape they are rolled back.
    (define (transaction name thunk)
      (let ((committed #f))
        (dynamic-wind
         (lambda ()
           (note! 'begin name)
           (set! undo-stack (cons '() undo-stack)))
         (lambda ()
           (let ((result (thunk)))
             (set! committed #t)
             result))
         (lambda ()
           (let ((mine (car undo-stack)))
             (set! undo-stack (cdr undo-stack))
             (cond (committed
                    (unless (null? undo-stack)
                      (set-car! undo-stack (append mine (car undo-stack))))
                    (note! 'commit name (length mine)))
                   (else
                    (rollback! mine)
                    (note! 'rollback name (length mine)))))))))
    (define (snapshot)
      (let sort ((items (map (lambda (e) (list (car e) (cdr e))) data)))
        ;; insertion sort by key
        (let loop ((items items) (acc '()))
          (if (null? items)
              acc
              (loop (cdr items)
                    (let insert ((acc acc))
                      (cond ((null? acc) (list (car items)))
                            ((string<? (caar items) (caar acc)) (cons (car items) acc))
                            (else (cons (car acc) (insert (cdr acc)))))))))))
    (lambda (op . args)
      (case op
        ((get) (apply lookup args))
        ((put!) (apply put! args))
        ((delete!) (apply delete! args))
        ((transaction) (apply transaction args))
        ((snapshot) (snapshot))
        (else (error "store: unknown operation" op))))))

;;; ------------------------------------------------------------ handlers

(define (describe-condition c)
  (cond ((store-condition? c)
         (list 'store (condition-kind c) (condition-key c) (condition-detail c)))
        ((error-object? c)
         (cons (error-object-message c) (error-object-irritants c)))
        ((symbol? c) (list 'symbol c))
        (else (list 'other c))))

;; Reads with defaults: the handler returns to the raise-continuable point.
(define (with-defaults defaults thunk)
  (with-exception-handler
   (lambda (c)
     (if (and (store-condition? c) (eq? (condition-kind c) 'missing))
         (let ((d (assoc (condition-key c) defaults)))
           (note! 'default (condition-key c))
           (if d (cdr d) 'unknown))
         (raise c)))
   thunk))

(define (try label thunk)
  (let ((result (guard (c (#t (list 'failed (describe-condition c))))
                  (list 'ok (thunk)))))
    (display label)
    (display ": ")
    (write result)
    (newline)
    result))

(define db (make-store))

(try "put" (lambda () (db 'put! "alice" 100) (db 'put! "bob" 50) (db 'put! "carol" 75)))
(try "get" (lambda () (db 'get "bob")))
(try "missing key, no default handler" (lambda () (db 'get "dave")))
(try "missing key with defaults"
     (lambda () (with-defaults '(("dave" . 0))
                  (lambda () (list (db 'get "dave") (db 'get "erin") (db 'get "alice"))))))
(try "bad key" (lambda () (db 'put! 'frank 1)))
(try "delete missing" (lambda () (db 'delete! "zed")))
(try "unknown op" (lambda () (db 'frobnicate)))
(show-log "log so far")

;;; ------------------------------------------------------------ transfers

(define (transfer! from to amount)
  (db 'transaction (list 'transfer from to amount)
      (lambda ()
        (let ((a (db 'get from)) (b (db 'get to)))
          (db 'put! from (- a amount))
          (when (< (- a amount) 0)
            (raise (make-store-condition 'overdraft from (- a amount))))
          (db 'put! to (+ b amount))
          (list from (- a amount) to (+ b amount))))))

(try "transfer 30 alice->bob" (lambda () (transfer! "alice" "bob" 30)))
(try "overdraft carol->bob" (lambda () (transfer! "carol" "bob" 500)))
(try "balances" (lambda () (db 'snapshot)))
(show-log "transfer log")

;; Nested transactions: the inner one fails and is rolled back, the outer
;; one catches that and commits its own work; then an outer failure rolls
;; back everything, including an inner transaction that committed.
(try "nested, inner fails"
     (lambda ()
       (db 'transaction 'outer
           (lambda ()
             (db 'put! "dave" 10)
             (let ((inner (guard (c ((store-condition? c) (condition-kind c)))
                            (db 'transaction 'inner
                                (lambda ()
                                  (db 'put! "erin" 20)
                                  (db 'put! "alice" 0)
                                  (raise (make-store-condition 'abort "erin" #f)))))))
               (list 'inner-result inner (db 'snapshot)))))))
(try "nested, outer fails"
     (lambda ()
       (db 'transaction 'outer2
           (lambda ()
             (db 'transaction 'inner2 (lambda () (db 'put! "zoe" 1) (db 'delete! "dave")))
             (db 'put! "bob" 0)
             (error "outer2 gives up" 'after 2 'changes)))))
(try "balances" (lambda () (db 'snapshot)))
(show-log "nested log")

;;; ------------------------------------------------------------ unwinding order

;; dynamic-wind after thunks run innermost first when a raise escapes;
;; the guard's body sees them all done before its clause runs.
(define (nest depth)
  (if (= depth 0)
      (begin (note! 'raise) (raise 'deep-trouble))
      (dynamic-wind
       (lambda () (note! 'in depth))
       (lambda () (nest (- depth 1)))
       (lambda () (note! 'out depth)))))

(try "deep raise" (lambda () (guard (c ((symbol? c) (note! 'caught c) c)) (nest 3))))
(show-log "unwinding")

;; with-exception-handler for a continuable raise keeps the winds in
;; place: the handler runs inside them, and the body goes on.
(try "continuable inside winds"
     (lambda ()
       (with-exception-handler
        (lambda (c) (note! 'handler c) (* c 10))
        (lambda ()
          (dynamic-wind
           (lambda () (note! 'enter))
           (lambda () (let ((v (raise-continuable 4))) (note! 'resumed v) (+ v 1)))
           (lambda () (note! 'leave)))))))
(show-log "continuable")

;; A guard with no matching clause re-raises to the outer guard; => clauses.
(try "re-raise"
     (lambda ()
       (guard (outer ((string? outer) (string-append "outer got " outer)))
         (guard (inner ((number? inner) 'number)
                       ((assq 'code (if (list? inner) inner '())) => cdr))
           (raise "a string")))))
(try "=> clause"
     (lambda ()
       (guard (inner ((number? inner) 'number)
                     ((and (list? inner) (assq 'code inner)) => cdr))
         (raise (list (cons 'code 404) (cons 'text "not found"))))))
(try "error object fields"
     (lambda ()
       (guard (e ((error-object? e)
                  (list (error-object-message e) (error-object-irritants e)
                        (error-object? 'x) (error-object? e))))
         (error "disk full:" "/var" 98.5 '(retry later)))))
(try "handler escapes through call/cc"
     (lambda ()
       (call-with-current-continuation
        (lambda (k)
          (with-exception-handler
           (lambda (c) (k (list 'escaped-with c)))
           (lambda () (+ 1 (raise 'oops))))))))
(try "final balances" (lambda () (db 'snapshot)))
