(import (scheme base) (scheme write) (scheme cxr))

;; Symbolic differentiation with a simplifier. Expressions are prefix
;; lists: (+ a b ...) (* a b ...) (- a b) (- a) (/ a b) (expt a n)
;; (sin a) (cos a) (exp a) (log a). Derivative rules are stored in an
;; association list from operator to procedure; the simplifier flattens
;; sums and products, folds constants, collects like terms.

(define (constant? e) (number? e))
(define (variable? e) (symbol? e))
(define (op e) (car e))
(define (args e) (cdr e))

(define (make-sum . terms) (simplify (cons '+ terms)))
(define (make-product . factors) (simplify (cons '* factors)))
(define (make-neg a) (simplify (list '* -1 a)))
(define (make-quotient a b) (simplify (list '/ a b)))
(define (make-power a n) (simplify (list 'expt a n)))

(define derivative-rules
  (list
   (cons '+ (lambda (e x d)
              (apply make-sum (map (lambda (t) (d t x)) (args e)))))
   (cons '- (lambda (e x d)
              (if (null? (cdr (args e)))
                  (make-neg (d (cadr e) x))
                  (make-sum (d (cadr e) x) (make-neg (d (caddr e) x))))))
   (cons '* (lambda (e x d)
              ;; product rule over n factors
              (let loop ((before '()) (after (args e)) (terms '()))
                (if (null? after)
                    (apply make-sum terms)
                    (loop (cons (car after) before)
                          (cdr after)
                          (cons (apply make-product
                                       (d (car after) x)
                                       (append (reverse before) (cdr after)))
                                terms))))))
   (cons '/ (lambda (e x d)
              (let ((u (cadr e)) (v (caddr e)))
                (make-quotient (make-sum (make-product (d u x) v)
                                         (make-neg (make-product u (d v x))))
                               (make-power v 2)))))
   (cons 'expt (lambda (e x d)
                 (let ((u (cadr e)) (n (caddr e)))
                   (if (constant? n)
                       (make-product n (make-power u (- n 1)) (d u x))
                       (d `(exp (* ,n (log ,u))) x)))))
   (cons 'sin (lambda (e x d) (make-product `(cos ,(cadr e)) (d (cadr e) x))))
   (cons 'cos (lambda (e x d) (make-neg (make-product `(sin ,(cadr e)) (d (cadr e) x)))))
   (cons 'exp (lambda (e x d) (make-product e (d (cadr e) x))))
   (cons 'log (lambda (e x d) (make-quotient (d (cadr e) x) (cadr e))))))

(define (deriv e x)
  (cond ((constant? e) 0)
        ((variable? e) (if (eq? e x) 1 0))
        (else
         (let ((rule (assq (op e) derivative-rules)))
           (if rule
               ((cdr rule) e x deriv)
               (error "no derivative rule for" (op e)))))))

;; A total order on expressions, so that like terms end up together and
;; the output is canonical.
(define (expr<? a b)
  (define (rank e) (cond ((number? e) 0) ((symbol? e) 1) (else 2)))
  (cond ((< (rank a) (rank b)) #t)
        ((> (rank a) (rank b)) #f)
        ((number? a) (< a b))
        ((symbol? a) (string<? (symbol->string a) (symbol->string b)))
        (else
         (let loop ((a a) (b b))
           (cond ((null? a) (not (null? b)))
                 ((null? b) #f)
                 ((equal? (car a) (car b)) (loop (cdr a) (cdr b)))
                 (else (expr<? (car a) (car b))))))))

(define (sort-exprs lst)
  (let insert-all ((lst lst) (out '()))
    (if (null? lst)
        out
        (insert-all (cdr lst)
                    (let insert ((x (car lst)) (out out))
                      (cond ((null? out) (list x))
                            ((expr<? x (car out)) (cons x out))
                            (else (cons (car out) (insert x (cdr out))))))))))

;; Split a term into (coefficient . rest), e.g. (* 3 x y) -> (3 . (* x y)).
(define (coefficient-split t)
  (cond ((number? t) (cons t 1))
        ((and (pair? t) (eq? (car t) '*) (number? (cadr t)))
         (cons (cadr t) (if (null? (cdddr t)) (caddr t) (cons '* (cddr t)))))
        (else (cons 1 t))))

;; Split a factor into (exponent . base).
(define (power-split f)
  (if (and (pair? f) (eq? (car f) 'expt) (number? (caddr f)))
      (cons (caddr f) (cadr f))
      (cons 1 f)))

(define (collect split combine items)
  ;; group items by the cdr of split, combining the cars
  (let loop ((items items) (groups '()))
    (if (null? items)
        (reverse groups)
        (let* ((s (split (car items)))
               (g (assoc (cdr s) groups)))
          (if g
              (begin (set-car! (cdr g) (combine (cadr g) (car s)))
                     (loop (cdr items) groups))
              (loop (cdr items) (cons (list (cdr s) (car s)) groups)))))))

(define (flatten head items)
  (let loop ((items items) (acc '()))
    (cond ((null? items) (reverse acc))
          ((and (pair? (car items)) (eq? (caar items) head))
           (loop (cdr items) (append (reverse (cdar items)) acc)))
          (else (loop (cdr items) (cons (car items) acc))))))

(define (simplify-sum terms)
  (let* ((terms (flatten '+ terms))
         (groups (collect coefficient-split + terms))
         (rebuilt (let loop ((gs groups) (acc '()))
                    (cond ((null? gs) acc)
                          ((= (cadar gs) 0) (loop (cdr gs) acc))
                          ((equal? (caar gs) 1) (loop (cdr gs) (cons (cadar gs) acc)))
                          ((= (cadar gs) 1) (loop (cdr gs) (cons (caar gs) acc)))
                          (else (loop (cdr gs)
                                      (cons (simplify-product (list (cadar gs) (caar gs)))
                                            acc))))))
         (sorted (sort-exprs rebuilt)))
    (cond ((null? sorted) 0)
          ((null? (cdr sorted)) (car sorted))
          (else (cons '+ sorted)))))

(define (simplify-product factors)
  (let* ((factors (flatten '* factors))
         (constant (apply * (filter number? factors)))
         (others (filter (lambda (f) (not (number? f))) factors)))
    (if (= constant 0)
        0
        (let* ((groups (collect power-split
                                (lambda (a b) (simplify (list '+ a b)))
                                others))
               (rebuilt (sort-exprs
                         (let loop ((gs groups) (acc '()))
                           (cond ((null? gs) acc)
                                 ((equal? (cadar gs) 0) (loop (cdr gs) acc))
                                 ((equal? (cadar gs) 1) (loop (cdr gs) (cons (caar gs) acc)))
                                 (else (loop (cdr gs)
                                             (cons (list 'expt (caar gs) (cadar gs)) acc)))))))
               (all (if (= constant 1) rebuilt (cons constant rebuilt))))
          (cond ((null? all) 1)
                ((null? (cdr all)) (car all))
                (else (cons '* all)))))))

(define (filter keep? lst)
  (cond ((null? lst) '())
        ((keep? (car lst)) (cons (car lst) (filter keep? (cdr lst))))
        (else (filter keep? (cdr lst)))))

(define (simplify e)
  (if (not (pair? e))
      e
      (let ((e (cons (car e) (map simplify (cdr e)))))
        (case (car e)
          ((+) (simplify-sum (cdr e)))
          ((*) (simplify-product (cdr e)))
          ((-) (if (null? (cddr e))
                   (simplify-product (list -1 (cadr e)))
                   (simplify-sum (list (cadr e) (simplify-product (list -1 (caddr e)))))))
          ((/) (let ((n (cadr e)) (d (caddr e)))
                 (cond ((and (number? n) (number? d)) (/ n d))
                       ((equal? d 1) n)
                       ((equal? n 0) 0)
                       ((equal? n d) 1)
                       (else e))))
          ((expt) (let ((b (cadr e)) (n (caddr e)))
                    (cond ((and (number? b) (number? n)) (expt b n))
                          ((equal? n 0) 1)
                          ((equal? n 1) b)
                          ((and (pair? b) (eq? (car b) 'expt) (number? n) (number? (caddr b)))
                           (simplify (list 'expt (cadr b) (* n (caddr b)))))
                          (else e))))
          ((log) (if (equal? (cadr e) 1) 0 e))
          ((exp) (if (equal? (cadr e) 0) 1 e))
          (else e)))))

;; Evaluate an expression with exact arithmetic, for checking results at
;; points where only polynomials and rationals are involved.
(define (evaluate e env)
  (cond ((number? e) e)
        ((symbol? e) (cdr (assq e env)))
        (else
         (let ((vals (map (lambda (a) (evaluate a env)) (cdr e))))
           (case (car e)
             ((+) (apply + vals))
             ((*) (apply * vals))
             ((-) (apply - vals))
             ((/) (apply / vals))
             ((expt) (apply expt vals))
             (else (error "cannot evaluate" (car e))))))))

(define (show label e)
  (display label) (display ": ") (write e) (newline))

(define examples
  '((+ x 3)
    (* x y)
    (* 3 (expt x 4))
    (+ (* 2 x x) (* -5 x) 7)
    (* (+ x 1) (- x 1))
    (/ 1 x)
    (/ (+ x 1) (- x 1))
    (sin (* 2 x))
    (* (sin x) (cos x))
    (exp (expt x 2))
    (log (+ (* x x) 1))
    (expt x x)
    (* x y z)
    (- (expt x 3))))

(for-each (lambda (e)
            (show "d/dx" e)
            (show "    " (deriv e 'x)))
          examples)

(show "simplify" (simplify '(+ x x x (* 2 x) y (* -1 y))))
(show "simplify" (simplify '(* x (expt x 2) (expt x -3))))
(show "simplify" (simplify '(+ (* 2 (* 3 x)) (- x) 0 (* 0 y))))
(show "simplify" (simplify '(* (+ 1 1) (expt (expt y 2) 3))))

;; Higher derivatives of a polynomial, evaluated exactly at x = 1/2, and
;; compared with the power rule worked by hand.
(let loop ((e '(+ (expt x 5) (* -3 (expt x 3)) (* 1/2 x) 9)) (k 0))
  (when (<= k 6)
    (display "d^") (display k) (display " = ") (write e)
    (display "  at 1/2: ") (write (evaluate e '((x . 1/2))))
    (newline)
    (loop (deriv e 'x) (+ k 1))))

;; Partial derivatives of a function of two variables.
(let ((f '(+ (* x x y) (* 3 x (expt y 2)) (/ y x))))
  (show "f" f)
  (show "df/dx" (deriv f 'x))
  (show "df/dy" (deriv f 'y))
  (show "d2f/dxdy" (deriv (deriv f 'x) 'y))
  (show "d2f/dydx" (deriv (deriv f 'y) 'x))
  (show "at (2,3)" (map (lambda (g) (evaluate g '((x . 2) (y . 3))))
                        (list f (deriv f 'x) (deriv f 'y)))))

(show "error"
      (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
        (deriv '(tan x) 'x)))
