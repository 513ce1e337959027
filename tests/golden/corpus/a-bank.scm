(import (scheme base) (scheme write) (scheme char) (scheme cxr))

;; A bank and a warehouse simulated side by side. Accounts and items are
;; records; the ledger is an association list from account id to record;
;; transactions are lists dispatched with case; failures raise error
;; objects that a guard turns into rejection entries. Amounts are exact
;; (cents as integers, interest as rationals).

(define-record-type account
  (make-account id owner balance history)
  account?
  (id account-id)
  (owner account-owner)
  (balance account-balance set-account-balance!)
  (history account-history set-account-history!))

(define-record-type item
  (make-item sku name quantity price)
  item?
  (sku item-sku)
  (name item-name)
  (quantity item-quantity set-item-quantity!)
  (price item-price))

(define (make-bank)
  (let ((accounts '())
        (next-id 100)
        (rejections '()))
    (define (find id)
      (let ((entry (assv id accounts)))
        (if entry
            (cdr entry)
            (error "no such account" id))))
    (define (record! acct entry)
      (set-account-history! acct (cons entry (account-history acct))))
    (define (open! owner initial)
      (let ((acct (make-account next-id owner initial '())))
        (set! accounts (cons (cons next-id acct) accounts))
        (set! next-id (+ next-id 1))
        (record! acct (list 'open initial))
        (account-id acct)))
    (define (deposit! id amount)
      (when (<= amount 0) (error "deposit must be positive" amount))
      (let ((acct (find id)))
        (set-account-balance! acct (+ (account-balance acct) amount))
        (record! acct (list 'deposit amount))))
    (define (withdraw! id amount)
      (let ((acct (find id)))
        (when (> amount (account-balance acct))
          (error "insufficient funds" id amount (account-balance acct)))
        (set-account-balance! acct (- (account-balance acct) amount))
        (record! acct (list 'withdraw amount))))
    (define (transfer! from to amount)
      ;; both accounts must exist before anything moves
      (find to)
      (withdraw! from amount)
      (deposit! to amount))
    (define (interest! rate)
      (for-each (lambda (entry)
                  (let* ((acct (cdr entry))
                         (gain (floor (* (account-balance acct) rate))))
                    (when (> gain 0)
                      (set-account-balance! acct (+ (account-balance acct) gain))
                      (record! acct (list 'interest gain)))))
                accounts))
    (define (apply-transaction! tx)
      (guard (e ((error-object? e)
                 (set! rejections
                       (cons (list tx (error-object-message e)) rejections))
                 #f))
        (case (car tx)
          ((open) (open! (cadr tx) (caddr tx)))
          ((deposit) (deposit! (cadr tx) (caddr tx)))
          ((withdraw) (withdraw! (cadr tx) (caddr tx)))
          ((transfer) (transfer! (cadr tx) (caddr tx) (cadddr tx)))
          ((interest) (interest! (cadr tx)))
          (else (error "unknown transaction" (car tx))))
        #t))
    (lambda (msg . args)
      (case msg
        ((apply) (apply apply-transaction! args))
        ((accounts) (map cdr accounts))
        ((rejections) (reverse rejections))
        ((total) (let loop ((as accounts) (sum 0))
                   (if (null? as) sum (loop (cdr as) (+ sum (account-balance (cdar as)))))))
        (else (error "bad bank message" msg))))))

(define (cents->string c)
  (let* ((neg (< c 0))
         (c (abs c))
         (whole (quotient c 100))
         (frac (remainder c 100)))
    (string-append (if neg "-" "")
                   (number->string whole)
                   "."
                   (if (< frac 10) "0" "")
                   (number->string frac))))

(define (pad-right s width)
  (if (>= (string-length s) width)
      s
      (string-append s (make-string (- width (string-length s)) #\space))))

(define (pad-left s width)
  (if (>= (string-length s) width)
      s
      (string-append (make-string (- width (string-length s)) #\space) s)))

(define bank (make-bank))

(for-each (lambda (tx) (bank 'apply tx))
          '((open "alice" 10000)
            (open "bob" 2500)
            (open "carol" 0)
            (deposit 100 1999)
            (withdraw 101 3000)
            (transfer 100 102 4550)
            (transfer 102 999 10)
            (deposit 101 -5)
            (interest 1/100)
            (withdraw 102 50)
            (frobnicate 1)
            (transfer 101 100 2500)
            (interest 3/200)))

(for-each
 (lambda (acct)
   (display (pad-left (number->string (account-id acct)) 4))
   (display "  ")
   (display (pad-right (account-owner acct) 6))
   (display (pad-left (cents->string (account-balance acct)) 10))
   (display "  ")
   (write (reverse (account-history acct)))
   (newline))
 (reverse (bank 'accounts)))
(display "total: ") (display (cents->string (bank 'total))) (newline)
(for-each (lambda (r) (display "rejected ") (write r) (newline))
          (bank 'rejections))

;; The warehouse: inventory in a vector of items, orders fulfilled against
;; it in priority order; a price list with volume discounts as closures.

(define inventory
  (vector (make-item 'bolt "Bolt M6" 500 12)
          (make-item 'nut "Nut M6" 800 5)
          (make-item 'gear "Gear 40T" 20 1450)
          (make-item 'belt "Belt 1m" 35 899)
          (make-item 'motor "Motor 12V" 4 7999)))

(define (find-item sku)
  (let loop ((i 0))
    (cond ((= i (vector-length inventory)) #f)
          ((eq? (item-sku (vector-ref inventory i)) sku) (vector-ref inventory i))
          (else (loop (+ i 1))))))

(define discount-rules
  ;; each rule: (name . procedure from (quantity unit-price) to total)
  (list (cons 'bulk (lambda (q p) (if (>= q 100) (* q p 9/10) (* q p))))
        (cons 'dozen (lambda (q p) (* p (+ (* 11 (quotient q 12)) (remainder q 12)))))
        (cons 'none (lambda (q p) (* q p)))))

(define (order-total lines rule-name)
  (let ((rule (cdr (assq rule-name discount-rules))))
    (let loop ((lines lines) (total 0))
      (if (null? lines)
          (round total)
          (let ((it (find-item (caar lines))))
            (loop (cdr lines) (+ total (rule (cadar lines) (item-price it)))))))))

(define (fulfil! order)
  ;; order: (customer priority rule (sku qty) ...). All-or-nothing.
  (let ((lines (cdddr order)))
    (let-values (((ok missing)
                  (let loop ((ls lines) (ok '()) (missing '()))
                    (if (null? ls)
                        (values (reverse ok) (reverse missing))
                        (let ((it (find-item (caar ls))))
                          (if (and it (>= (item-quantity it) (cadar ls)))
                              (loop (cdr ls) (cons (car ls) ok) missing)
                              (loop (cdr ls) ok (cons (caar ls) missing))))))))
      (if (null? missing)
          (begin
            (for-each (lambda (line)
                        (let ((it (find-item (car line))))
                          (set-item-quantity! it (- (item-quantity it) (cadr line)))))
                      ok)
            `(shipped ,(car order) ,(cents->string (order-total lines (caddr order)))))
          `(backordered ,(car order) ,@missing)))))

(define (insert-by-priority order queue)
  (cond ((null? queue) (list order))
        ((> (cadr order) (cadar queue)) (cons order queue))
        (else (cons (car queue) (insert-by-priority order (cdr queue))))))

(define orders
  '(("acme" 1 none (bolt 100) (nut 100))
    ("globex" 5 bulk (bolt 300) (gear 5))
    ("initech" 3 dozen (nut 30) (belt 24))
    ("umbrella" 4 none (motor 3) (gear 10))
    ("hooli" 2 bulk (motor 2) (belt 12))
    ("stark" 5 dozen (gear 6) (widget 1))))

(let ((queue (let loop ((os orders) (q '()))
               (if (null? os) q (loop (cdr os) (insert-by-priority (car os) q))))))
  (display "processing order: ")
  (write (map car queue))
  (newline)
  (for-each (lambda (o) (write (fulfil! o)) (newline)) queue))

(display "stock left:") (newline)
(vector-for-each
 (lambda (it)
   (display "  ")
   (display (pad-right (symbol->string (item-sku it)) 6))
   (display (pad-left (number->string (item-quantity it)) 5))
   (display (pad-left (cents->string (* (item-quantity it) (item-price it))) 10))
   (newline))
 inventory)

(define (stock-value)
  (let loop ((i 0) (sum 0))
    (if (= i (vector-length inventory))
        sum
        (let ((it (vector-ref inventory i)))
          (loop (+ i 1) (+ sum (* (item-quantity it) (item-price it))))))))
(display "stock value: ") (display (cents->string (stock-value))) (newline)

;; A report sorted by owner name, case-insensitively, using a merge sort
;; parameterised by the comparison.
(define (merge-sort lst less?)
  (define (merge a b)
    (cond ((null? a) b)
          ((null? b) a)
          ((less? (car b) (car a)) (cons (car b) (merge a (cdr b))))
          (else (cons (car a) (merge (cdr a) b)))))
  (define (split lst)
    (if (or (null? lst) (null? (cdr lst)))
        (values lst '())
        (let-values (((a b) (split (cddr lst))))
          (values (cons (car lst) a) (cons (cadr lst) b)))))
  (if (or (null? lst) (null? (cdr lst)))
      lst
      (let-values (((a b) (split lst)))
        (merge (merge-sort a less?) (merge-sort b less?)))))

(bank 'apply '(open "Dave" 700))
(bank 'apply '(open "ALICE" 1))
(write (map account-owner
            (merge-sort (bank 'accounts)
                        (lambda (a b) (string-ci<? (account-owner a) (account-owner b))))))
(newline)
(write (map (lambda (a) (cents->string (account-balance a)))
            (merge-sort (bank 'accounts)
                        (lambda (a b) (> (account-balance a) (account-balance b))))))
(newline)
