(import (scheme base) (scheme write) (scheme cxr))

;; A meta-circular evaluator for a small Scheme: environments are lists of
;; frames, each frame a mutable association list held in a one-element
;; vector; closures are tagged lists; primitives are host procedures.

(define (make-frame vars vals)
  (vector (map cons vars vals)))

(define (frame-lookup frame var)
  (assq var (vector-ref frame 0)))

(define (frame-add! frame var val)
  (vector-set! frame 0 (cons (cons var val) (vector-ref frame 0))))

(define (extend-env vars vals env)
  (let bind ((vs vars) (xs vals) (names '()) (values '()))
    (cond ((symbol? vs)                 ; rest parameter
           (cons (make-frame (cons vs names) (cons xs values)) env))
          ((null? vs)
           (if (not (null? xs))
               (error "too many arguments" vars)
               (cons (make-frame names values) env)))
          ((null? xs) (error "too few arguments" vars))
          (else (bind (cdr vs) (cdr xs) (cons (car vs) names) (cons (car xs) values))))))

(define (env-binding env var)
  (let loop ((env env))
    (cond ((null? env) #f)
          ((frame-lookup (car env) var))
          (else (loop (cdr env))))))

(define (env-lookup env var)
  (let ((b (env-binding env var)))
    (if b (cdr b) (error "unbound variable" var))))

(define (env-define! env var val)
  (let ((b (frame-lookup (car env) var)))
    (if b (set-cdr! b val) (frame-add! (car env) var val))))

(define (env-set! env var val)
  (let ((b (env-binding env var)))
    (if b (set-cdr! b val) (error "set! of unbound variable" var))))

(define (make-closure params body env) (list 'closure params body env))
(define (closure? x) (and (pair? x) (eq? (car x) 'closure)))
(define (make-primitive proc) (list 'primitive proc))
(define (primitive? x) (and (pair? x) (eq? (car x) 'primitive)))

;; Special forms live in an alist from keyword to handler; each handler
;; takes the expression and the environment.
(define special-forms '())

(define (define-special! name handler)
  (set! special-forms (cons (cons name handler) special-forms)))

(define (m-eval expr env)
  (cond ((or (number? expr) (string? expr) (boolean? expr) (char? expr)) expr)
        ((symbol? expr) (env-lookup env expr))
        ((and (pair? expr) (symbol? (car expr))
              (not (env-binding env (car expr)))
              (assq (car expr) special-forms))
         => (lambda (entry) ((cdr entry) expr env)))
        ((pair? expr)
         (m-apply (m-eval (car expr) env)
                  (map (lambda (e) (m-eval e env)) (cdr expr))))
        (else (error "bad expression" expr))))

(define (eval-body body env)
  (let loop ((body body))
    (if (null? (cdr body))
        (m-eval (car body) env)
        (begin (m-eval (car body) env) (loop (cdr body))))))

(define (m-apply f args)
  (cond ((primitive? f) (apply (cadr f) args))
        ((closure? f)
         (let ((params (cadr f)) (body (caddr f)) (env (cadddr f)))
           (eval-body body (extend-env params args env))))
        (else (error "not a procedure" f))))

(define-special! 'quote (lambda (x env) (cadr x)))
(define-special! 'if
  (lambda (x env)
    (if (m-eval (cadr x) env)
        (m-eval (caddr x) env)
        (if (null? (cdddr x)) #f (m-eval (cadddr x) env)))))
(define-special! 'lambda
  (lambda (x env) (make-closure (cadr x) (cddr x) env)))
(define-special! 'define
  (lambda (x env)
    (if (pair? (cadr x))
        (env-define! env (caadr x) (make-closure (cdadr x) (cddr x) env))
        (env-define! env (cadr x) (m-eval (caddr x) env)))
    (if (pair? (cadr x)) (caadr x) (cadr x))))
(define-special! 'set!
  (lambda (x env) (env-set! env (cadr x) (m-eval (caddr x) env)) 'ok))
(define-special! 'begin (lambda (x env) (eval-body (cdr x) env)))

;; Derived forms are rewritten into core forms, then evaluated.
(define (let->combination x)
  (if (symbol? (cadr x))
      ;; named let
      (let ((name (cadr x)) (bindings (caddr x)) (body (cdddr x)))
        `((lambda ()
            (define (,name ,@(map car bindings)) ,@body)
            (,name ,@(map cadr bindings)))))
      `((lambda ,(map car (cadr x)) ,@(cddr x)) ,@(map cadr (cadr x)))))

(define (cond->if clauses)
  (cond ((null? clauses) #f)
        ((eq? (caar clauses) 'else) `(begin ,@(cdar clauses)))
        (else `(if ,(caar clauses)
                   (begin ,@(cdar clauses))
                   ,(cond->if (cdr clauses))))))

(define-special! 'let (lambda (x env) (m-eval (let->combination x) env)))
(define-special! 'cond (lambda (x env) (m-eval (cond->if (cdr x)) env)))
(define-special! 'and
  (lambda (x env)
    (let loop ((es (cdr x)) (last #t))
      (if (null? es)
          last
          (let ((v (m-eval (car es) env)))
            (if v (loop (cdr es) v) #f))))))
(define-special! 'or
  (lambda (x env)
    (let loop ((es (cdr x)))
      (if (null? es)
          #f
          (or (m-eval (car es) env) (loop (cdr es)))))))

(define (make-global-env)
  (let ((env (extend-env '() '() '())))
    (for-each (lambda (p) (env-define! env (car p) (make-primitive (cdr p))))
              (list (cons '+ +) (cons '- -) (cons '* *) (cons '/ /)
                    (cons '= =) (cons '< <) (cons '> >) (cons '<= <=)
                    (cons 'cons cons) (cons 'car car) (cons 'cdr cdr)
                    (cons 'null? null?) (cons 'pair? pair?) (cons 'eq? eq?)
                    (cons 'list list) (cons 'not not) (cons 'remainder remainder)
                    (cons 'display display)
                    (cons 'apply (lambda (f args) (m-apply f args)))))
    env))

(define (user-print v)
  (cond ((closure? v) (write (list 'compound-procedure (cadr v))))
        ((primitive? v) (display "<primitive>"))
        (else (write v))))

(define (run-session exprs)
  (let ((env (make-global-env)))
    (for-each (lambda (e)
                (write e)
                (display " => ")
                (user-print (m-eval e env))
                (newline))
              exprs)
    env))

(run-session
 '((define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
   (fact 20)
   (define (map f l) (if (null? l) '() (cons (f (car l)) (map f (cdr l)))))
   (map (lambda (x) (* x x)) '(1 2 3 4))
   (define (make-counter)
     (let ((n 0))
       (lambda () (set! n (+ n 1)) n)))
   (define c1 (make-counter))
   (define c2 (make-counter))
   (c1) (c1) (c2) (c1)
   (let loop ((i 0) (acc '()))
     (if (= i 5) acc (loop (+ i 1) (cons i acc))))
   (define (fib n) (cond ((< n 2) n) (else (+ (fib (- n 1)) (fib (- n 2))))))
   (fib 15)
   (define (compose . fs)
     (if (null? fs)
         (lambda (x) x)
         (lambda (x) ((car fs) ((apply compose (cdr fs)) x)))))
   ((compose (lambda (x) (* x 2)) (lambda (x) (+ x 1))) 10)
   (and 1 2 3)
   (and 1 #f 3)
   (or #f #f)
   (or #f 7)
   (define (even? n) (if (= n 0) #t (odd? (- n 1))))
   (define (odd? n) (if (= n 0) #f (even? (- n 1))))
   (list (even? 10) (odd? 7) (even? 3))
   (let ((x 1)) (let ((f (lambda () x))) (let ((x 2)) (f))))
   (define (accumulate op init seq)
     (if (null? seq) init (op (car seq) (accumulate op init (cdr seq)))))
   (accumulate + 0 '(1 2 3 4 5 6 7 8 9 10))
   (accumulate cons '() '(a b c))
   make-counter
   car
   (define (if x) x)
   (if 42)))

;; The evaluator can run a program that itself builds an association list
;; and mutates it -- a bank of counters indexed by symbol.
(run-session
 '((define table '())
   (define (lookup key)
     (let loop ((t table))
       (cond ((null? t) #f)
             ((eq? (car (car t)) key) (car t))
             (else (loop (cdr t))))))
   (define (bump! key)
     (let ((entry (lookup key)))
       (if entry
           (begin (set! table (cons (cons key (+ (cdr entry) 1)) table)) 'again)
           (begin (set! table (cons (cons key 1) table)) 'new))))
   (bump! 'a) (bump! 'b) (bump! 'a) (bump! 'c) (bump! 'a)
   (cdr (lookup 'a))
   (cdr (lookup 'c))
   (define (sum-list l) (if (null? l) 0 (+ (car l) (sum-list (cdr l)))))
   (sum-list (list 1 2 3 (cdr (lookup 'b))))
   ((lambda args args) 1 2 3)
   ((lambda (a . rest) (list a rest)) 1 2 3)))

;; Errors in the interpreted program are caught by the host.
(define (safe-eval e)
  (call-with-current-continuation
   (lambda (k)
     (with-exception-handler
      (lambda (c)
        (k (list 'error (error-object-message c) (error-object-irritants c))))
      (lambda () (m-eval e (make-global-env)))))))

(write (safe-eval '(undefined-thing 1 2))) (newline)
(write (safe-eval '((lambda (x y) x) 1))) (newline)
(write (safe-eval '(1 2 3))) (newline)
(write (safe-eval '(let ((x 5)) (set! y 1)))) (newline)
(write (safe-eval '(let ((x 5) (y 6)) (set! x (* x y)) x))) (newline)
