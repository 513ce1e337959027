; A small Scheme interpreter: eval/apply over environments made of association-list frames,
; with quote, if, define, set!, lambda, begin, let, cond and primitive procedures, running a few programs.

;; ---- environments: a list of frames, each frame an alist of (name . value)
(define (make-frame names values)
  (cond ((and (null? names) (null? values)) '())
        ((symbol? names) (list (cons names values)))          ; rest parameter
        ((or (null? names) (null? values)) (error "arity mismatch" names values))
        (else (cons (cons (car names) (car values))
                    (make-frame (cdr names) (cdr values))))))
(define (extend-env names values env) (cons (make-frame names values) env))
(define (lookup-binding name env)
  (if (null? env)
      #f
      (or (assq name (car env)) (lookup-binding name (cdr env)))))
(define (env-lookup name env)
  (let ((b (lookup-binding name env)))
    (if b (cdr b) (error "unbound variable:" name))))
(define (env-define! name value env)
  (let ((b (assq name (car env))))
    (if b
        (set-cdr! b value)
        (set-car! env (cons (cons name value) (car env))))))
(define (env-set! name value env)
  (let ((b (lookup-binding name env)))
    (if b (set-cdr! b value) (error "set! of unbound variable:" name))))

;; ---- procedures
(define (make-closure params body env) (list 'closure params body env))
(define (closure? x) (and (pair? x) (eq? (car x) 'closure)))
(define (make-prim f) (list 'primitive f))
(define (prim? x) (and (pair? x) (eq? (car x) 'primitive)))

;; ---- the evaluator
(define (m-eval x env)
  (cond ((symbol? x) (env-lookup x env))
        ((not (pair? x)) x)
        (else
         (case (car x)
           ((quote) (cadr x))
           ((if) (if (m-eval (cadr x) env)
                     (m-eval (caddr x) env)
                     (if (null? (cdddr x)) #f (m-eval (cadddr x) env))))
           ((define)
            (if (pair? (cadr x))
                (env-define! (caadr x) (make-closure (cdadr x) (cddr x) env) env)
                (env-define! (cadr x) (m-eval (caddr x) env) env))
            (if (pair? (cadr x)) (caadr x) (cadr x)))
           ((set!) (env-set! (cadr x) (m-eval (caddr x) env) env) 'ok)
           ((lambda) (make-closure (cadr x) (cddr x) env))
           ((begin) (eval-sequence (cdr x) env))
           ((let) (m-eval (cons (cons 'lambda (cons (map car (cadr x)) (cddr x)))
                                (map cadr (cadr x)))
                          env))
           ((cond) (eval-cond (cdr x) env))
           (else (m-apply (m-eval (car x) env)
                          (map (lambda (arg) (m-eval arg env)) (cdr x))))))))

(define (eval-sequence exprs env)
  (if (null? (cdr exprs))
      (m-eval (car exprs) env)
      (begin (m-eval (car exprs) env) (eval-sequence (cdr exprs) env))))

(define (eval-cond clauses env)
  (cond ((null? clauses) #f)
        ((eq? (caar clauses) 'else) (eval-sequence (cdar clauses) env))
        ((m-eval (caar clauses) env) (eval-sequence (cdar clauses) env))
        (else (eval-cond (cdr clauses) env))))

(define (m-apply f args)
  (cond ((prim? f) (apply (cadr f) args))
        ((closure? f)
         (eval-sequence (caddr f) (extend-env (cadr f) args (cadddr f))))
        (else (error "not a procedure:" f))))

;; ---- the global environment
(define (global-env)
  (extend-env '(+ - * quotient remainder = < > cons car cdr null? pair? list eq? not display)
              (map make-prim (list + - * quotient remainder = < > cons car cdr null? pair? list eq? not display))
              '()))

(define (run program)
  (let ((env (global-env)))
    (let loop ((forms program) (last #f))
      (if (null? forms)
          last
          (loop (cdr forms) (m-eval (car forms) env))))))

(define (show label value) (display label) (display ": ") (write value) (newline))

(show "constant" (run '(42)))
(show "arithmetic" (run '((+ 1 (* 2 3) (- 10 4)))))
(show "quote" (run '((quote (a b c)))))
(show "factorial"
      (run '((define (fact n) (if (= n 0) 1 (* n (fact (- n 1)))))
             (fact 20))))
(show "fibonacci"
      (run '((define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
             (list (fib 10) (fib 15)))))
(show "map"
      (run '((define (map f l) (if (null? l) (quote ()) (cons (f (car l)) (map f (cdr l)))))
             (map (lambda (x) (* x x)) (list 1 2 3 4 5)))))
(show "closure counter"
      (run '((define (make-counter)
               (let ((n 0))
                 (lambda () (set! n (+ n 1)) n)))
             (define c1 (make-counter))
             (define c2 (make-counter))
             (c1) (c1) (c2)
             (list (c1) (c2)))))
(show "higher order"
      (run '((define (compose f g) (lambda (x) (f (g x))))
             (define (twice f) (compose f f))
             ((twice (twice (lambda (x) (+ x 3)))) 0))))
(show "rest parameters"
      (run '((define (count . xs) (if (null? xs) 0 (+ 1 (apply-count (cdr xs)))))
             (define (apply-count l) (if (null? l) 0 (+ 1 (apply-count (cdr l)))))
             (list (count) (count 1 2 3)))))
(show "cond and let"
      (run '((define (classify n)
               (cond ((< n 0) (quote negative))
                     ((= n 0) (quote zero))
                     (else (let ((half (quotient n 2)))
                             (if (= (* half 2) n) (quote even) (quote odd))))))
             (list (classify -5) (classify 0) (classify 7) (classify 10)))))
(show "accumulate"
      (run '((define (accumulate op init l) (if (null? l) init (op (car l) (accumulate op init (cdr l)))))
             (define (range a b) (if (> a b) (quote ()) (cons a (range (+ a 1) b))))
             (list (accumulate + 0 (range 1 100)) (accumulate cons (quote ()) (range 1 5))))))
(show "gcd"
      (run '((define (gcd a b) (if (= b 0) a (gcd b (remainder a b))))
             (gcd 1071 462))))
(show "error caught"
      (guard (e ((error-object? e) (cons (error-object-message e) (error-object-irritants e))))
        (run '((undefined-thing 1)))))
