;;; A vending machine written in a small language of syntax-rules macros:
;;; `while` and `for` loops, `inc!`/`push!`, a `match` macro for list
;;; patterns with literals and bindings, `define-enum`, and
;;; `define-state-machine`, which turns a table of states and transitions
;;; into a closure that steps on events.
(import (scheme base) (scheme write))

;;; ------------------------------------------------------------ loops

(define-syntax while
  (syntax-rules ()
    ((_ test body ...)
     (let loop ()
       (when test body ... (loop))))))

(define-syntax for
  (syntax-rules (in from to by)
    ((_ x in lst body ...) (for-each (lambda (x) body ...) lst))
    ((_ x from a to b by step body ...)
     (let ((limit b) (s step))
       (do ((x a (+ x s))) ((> x limit)) body ...)))
    ((_ x from a to b body ...) (for x from a to b by 1 body ...))))

(define-syntax inc!
  (syntax-rules ()
    ((_ v) (set! v (+ v 1)))
    ((_ v n) (set! v (+ v n)))))

(define-syntax push!
  (syntax-rules ()
    ((_ item place) (set! place (cons item place)))))

(define-syntax unless-zero
  (syntax-rules ()
    ((_ n body ...) (if (zero? n) #f (begin body ...)))))

;;; ------------------------------------------------------------ match
;;; Patterns: _ (anything), a symbol (binds), (quote datum) (equal?),
;;; a number/string/boolean literal, (p ...) lists, (p . rest) pairs.

(define-syntax match
  (syntax-rules (else)
    ((_ e (else body ...)) (begin body ...))
    ((_ e (pattern body ...) clause ...)
     (let* ((v e)
            (fail (lambda () (match v clause ...))))
       (match-pattern v pattern (begin body ...) (fail))))
    ((_ e) (error "match: no clause matched" e))))

(define-syntax match-pattern
  (syntax-rules (_ quote)
    ((_ v _ yes no) yes)
    ((_ v (quote datum) yes no) (if (equal? v 'datum) yes no))
    ((_ v (p . ps) yes no)
     (if (pair? v)
         (let ((head (car v)) (tail (cdr v)))
           (match-pattern head p (match-pattern tail ps yes no) no))
         no))
    ((_ v () yes no) (if (null? v) yes no))
    ((_ v atom yes no)
     (match-atom v atom yes no))))

;; A symbol binds; any other atom is compared with equal?. The symbol test
;; is the classic syntax-rules trick: a symbol pattern matches anything.
(define-syntax match-atom
  (syntax-rules ()
    ((_ v atom yes no)
     (let-syntax ((test (syntax-rules ()
                          ((_ atom y n) y)     ; atom is a symbol: binds
                          ((_ other y n) n))))
       (test marker-that-never-matches
             (let ((atom v)) yes)
             (if (equal? v 'atom) yes no))))))

;;; ------------------------------------------------------------ enums

(define-syntax define-enum
  (syntax-rules ()
    ((_ name->index name (symbol ...))
     (begin
       (define name '(symbol ...))
       (define (name->index s)
         (let loop ((l name) (i 0))
           (cond ((null? l) #f)
                 ((eq? (car l) s) i)
                 (else (loop (cdr l) (+ i 1))))))))))

(define-enum coin-index coins (nickel dime quarter dollar))
(define coin-values '#(5 10 25 100))
(define (coin-value c) (vector-ref coin-values (coin-index c)))

;;; ------------------------------------------------------------ state machines
;;; (define-state-machine name initial data
;;;   (state (event guard -> next action) ...) ...)
;;; Guards and actions are expressions over the variable named by `data`
;;; (named by the user, so that hygiene lets them see it).

(define-syntax define-state-machine
  (syntax-rules (->)
    ((_ name initial data (state (event guard -> next action) ...) ...)
     (define (name)
       (let ((current 'initial))
         (lambda (ev data)
           (let ((fire (lambda (target act) (let ((result (act))) (set! current target) result))))
             (case current
               ((state)
                (cond ((and (eq? ev 'event) guard) (fire 'next (lambda () action))) ...
                      (else (list 'ignored ev 'in current))))
               ...
               (else (error "bad state" current))))))))))

;;; ------------------------------------------------------------ the machine

(define products
  '((a1 "cola" 125 3) (a2 "water" 90 2) (b1 "chips" 65 1) (b2 "candy" 85 0)))

(define stock (map (lambda (p) (cons (car p) (cadddr p))) products))
(define credit 0)
(define sales '())
(define cash-box 0)

(define (product-price slot) (caddr (assq slot products)))
(define (product-name slot) (cadr (assq slot products)))
(define (in-stock? slot) (> (cdr (assq slot stock)) 0))

;; Change in coins, largest first.
(define (make-change amount)
  (let ((result '()))
    (for c in '(dollar quarter dime nickel)
      (while (>= amount (coin-value c))
        (push! c result)
        (set! amount (- amount (coin-value c)))))
    (reverse result)))

(define (vend! slot)
  (let ((entry (assq slot stock)))
    (set-cdr! entry (- (cdr entry) 1))
    (inc! cash-box (product-price slot))
    (push! (product-name slot) sales)
    (let ((change (make-change (- credit (product-price slot)))))
      (set! credit 0)
      (list 'vended (product-name slot) 'change change))))

(define-state-machine make-vending-machine idle event-data
  (idle
   (coin #t -> paying (begin (inc! credit (coin-value event-data)) (list 'credit credit)))
   (select #t -> idle (list 'insert-coins-first))
   (service #t -> maintenance (list 'service-mode)))
  (paying
   (coin #t -> paying (begin (inc! credit (coin-value event-data)) (list 'credit credit)))
   (select (not (assq event-data products)) -> paying (list 'no-such-product event-data))
   (select (not (in-stock? event-data)) -> paying (list 'sold-out (product-name event-data)))
   (select (< credit (product-price event-data)) -> paying
           (list 'need (- (product-price event-data) credit) 'more))
   (select #t -> idle (vend! event-data))
   (refund #t -> idle (let ((c (make-change credit))) (set! credit 0) (list 'refund c))))
  (maintenance
   (restock #t -> maintenance
            (let ((entry (assq (car event-data) stock)))
              (set-cdr! entry (+ (cdr entry) (cadr event-data)))
              (list 'stock (car event-data) (cdr entry))))
   (service #t -> idle (list 'back-in-service))))

;; Events as written by a person: parsed with match.
(define (parse-command cmd)
  (match cmd
    (('insert coin) (list 'coin coin))
    (('insert coin n)
     (let ((events '()))
       (for i from 1 to n (push! (list 'coin coin) events))
       events))
    (('buy slot) (list 'select slot))
    (('refund) (list 'refund #f))
    (('open) (list 'service #f))
    (('close) (list 'service #f))
    (('restock slot n) (list 'restock (list slot n)))
    ((_ . _) (list 'unknown cmd))
    (else (list 'unknown cmd))))

(define machine (make-vending-machine))

(define (run commands)
  (for cmd in commands
    (let ((parsed (parse-command cmd)))
      (define (step ev)
        (let ((response (machine (car ev) (cadr ev))))
          (write cmd)
          (display " => ")
          (write response)
          (newline)))
      (if (and (pair? parsed) (pair? (car parsed)))
          (for-each step (reverse parsed))
          (if (eq? (car parsed) 'unknown)
              (begin (write cmd) (display " => unknown command") (newline))
              (step parsed))))))

(run '((buy a1)
       (insert quarter)
       (insert dollar)
       (buy a1)
       (insert quarter 3)
       (buy b2)
       (buy z9)
       (buy b1)
       (insert dollar)
       (insert dime)
       (buy a2)
       (insert nickel 4)
       (refund)
       (open)
       (restock b2 5)
       (buy a1)
       (close)
       (insert dollar 2)
       (buy b2)
       dance
       (juggle 3 balls)))

(display "sales: ")
(write (reverse sales))
(newline)
(display "cash box: ")
(display cash-box)
(newline)
(display "stock: ")
(write stock)
(newline)

;; The match macro on its own.
(define (classify x)
  (match x
    (() 'empty)
    ((a) (list 'one a))
    (('point x y) (list 'point-sum (+ x y)))
    ((a b) (list 'two a b))
    ((a b . rest) (list 'many a b (length rest)))
    (42 'the-answer)
    ("hi" 'greeting)
    (_ 'other)))

(for x in '(() (7) (point 3 4) (1 2) (1 2 3 4 5) 42 "hi" #\z)
  (write x)
  (display " -> ")
  (write (classify x))
  (newline))

(let ((sum 0) (i 0))
  (while (< i 10)
    (inc! i)
    (unless-zero (modulo i 3) (inc! sum i)))
  (display "sum of 1..10 not divisible by 3: ")
  (display sum)
  (newline))
(let ((evens '()))
  (for k from 0 to 20 by 4 (push! k evens))
  (display "by fours: ")
  (write (reverse evens))
  (newline))
