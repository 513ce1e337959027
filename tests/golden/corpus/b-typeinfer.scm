;;; Hindley-Milner type inference (algorithm W) for a small lambda
;;; calculus with let-polymorphism, integers, booleans, pairs and lists.
;;; Types: symbols for base types, (-> a b), (pair a b), (list a), and
;;; type variables as records. Errors escape through a continuation.
(import (scheme base) (scheme write) (scheme char))

(define-record-type tvar
  (make-tvar id)
  tvar?
  (id tvar-id))

(define next-id 0)
(define (fresh!)
  (set! next-id (+ next-id 1))
  (make-tvar next-id))

;; A scheme is (forall (tvar ...) type).
(define (make-scheme vars type) (list 'forall vars type))
(define scheme-vars cadr)
(define scheme-type caddr)

;;; ------------------------------------------------------------ substitutions
;;; A substitution is an alist from type-variable id to type.

(define (apply-subst subst type)
  (cond ((tvar? type)
         (let ((b (assv (tvar-id type) subst)))
           (if b (apply-subst subst (cdr b)) type)))
        ((pair? type)
         (cons (car type) (map (lambda (t) (apply-subst subst t)) (cdr type))))
        (else type)))

(define (free-vars type)
  (cond ((tvar? type) (list type))
        ((pair? type)
         (let loop ((args (cdr type)) (acc '()))
           (if (null? args)
               acc
               (loop (cdr args) (union-vars acc (free-vars (car args)))))))
        (else '())))

(define (tvar-member v vs)
  (member v vs (lambda (a b) (= (tvar-id a) (tvar-id b)))))

(define (union-vars a b)
  (let loop ((b b) (acc a))
    (cond ((null? b) acc)
          ((tvar-member (car b) acc) (loop (cdr b) acc))
          (else (loop (cdr b) (append acc (list (car b))))))))

(define (env-free-vars env subst)
  (let loop ((env env) (acc '()))
    (if (null? env)
        acc
        (let* ((sch (cdar env))
               (bound (scheme-vars sch))
               (fv (free-vars (apply-subst subst (scheme-type sch)))))
          (loop (cdr env)
                (union-vars acc
                            (let keep ((fv fv))
                              (cond ((null? fv) '())
                                    ((tvar-member (car fv) bound) (keep (cdr fv)))
                                    (else (cons (car fv) (keep (cdr fv))))))))))))

;;; ------------------------------------------------------------ unification

(define type-error #f)   ; set to an escape continuation per inference

(define (fail . parts)
  (type-error parts))

(define (unify t1 t2 subst)
  (let ((t1 (apply-subst subst t1))
        (t2 (apply-subst subst t2)))
    (cond ((and (tvar? t1) (tvar? t2) (= (tvar-id t1) (tvar-id t2))) subst)
          ((tvar? t1) (bind t1 t2 subst))
          ((tvar? t2) (bind t2 t1 subst))
          ((and (symbol? t1) (symbol? t2))
           (if (eq? t1 t2) subst (fail "cannot unify" t1 t2)))
          ((and (pair? t1) (pair? t2) (eq? (car t1) (car t2))
                (= (length t1) (length t2)))
           (let loop ((a (cdr t1)) (b (cdr t2)) (subst subst))
             (if (null? a)
                 subst
                 (loop (cdr a) (cdr b) (unify (car a) (car b) subst)))))
          (else (fail "cannot unify" t1 t2)))))

(define (bind v type subst)
  (if (tvar-member v (free-vars type))
      (fail "infinite type" v type)
      (cons (cons (tvar-id v) type) subst)))

;;; ------------------------------------------------------------ inference

(define (instantiate sch)
  (let ((mapping (map (lambda (v) (cons (tvar-id v) (fresh!))) (scheme-vars sch))))
    (apply-subst mapping (scheme-type sch))))

(define (generalize env subst type)
  (let* ((type (apply-subst subst type))
         (env-fv (env-free-vars env subst))
         (vars (let loop ((fv (free-vars type)) (acc '()))
                 (cond ((null? fv) (reverse acc))
                       ((tvar-member (car fv) env-fv) (loop (cdr fv) acc))
                       (else (loop (cdr fv) (cons (car fv) acc)))))))
    (make-scheme vars type)))

(define (mono type) (make-scheme '() type))

;; infer: expr env subst -> (values type subst)
(define (infer expr env subst)
  (cond
   ((integer? expr) (values 'int subst))
   ((boolean? expr) (values 'bool subst))
   ((symbol? expr)
    (let ((b (assq expr env)))
      (if b
          (values (instantiate (cdr b)) subst)
          (fail "unbound variable" expr))))
   ((pair? expr)
    (case (car expr)
      ((lambda)
       (let* ((params (cadr expr))
              (tvs (map (lambda (p) (fresh!)) params))
              (env2 (append (map (lambda (p t) (cons p (mono t))) params tvs) env)))
         (let-values (((body-t s) (infer (caddr expr) env2 subst)))
           (values (fold-right (lambda (t acc) (list '-> t acc)) body-t tvs) s))))
      ((let)
       (let ((name (car (cadr expr)))
             (init (cadr (cadr expr))))
         (let-values (((t s) (infer init env subst)))
           (infer (caddr expr) (cons (cons name (generalize env s t)) env) s))))
      ((letrec)
       (let* ((name (car (cadr expr)))
              (init (cadr (cadr expr)))
              (tv (fresh!))
              (env2 (cons (cons name (mono tv)) env)))
         (let*-values (((t s) (infer init env2 subst))
                       ((s) (unify tv t s)))
           (infer (caddr expr) (cons (cons name (generalize env s t)) env) s))))
      ((if)
       (let*-values (((tc s) (infer (cadr expr) env subst))
                     ((s) (unify tc 'bool s))
                     ((tt s) (infer (caddr expr) env s))
                     ((te s) (infer (cadddr expr) env s))
                     ((s) (unify tt te s)))
         (values tt s)))
      (else (infer-application (car expr) (cdr expr) env subst))))
   (else (fail "bad expression" expr))))

;; Curried application: (f a b) is ((f a) b).
(define (infer-application fn args env subst)
  (let-values (((tf s) (infer fn env subst)))
    (let loop ((tf tf) (args args) (s s))
      (if (null? args)
          (values tf s)
          (let*-values (((ta s) (infer (car args) env s))
                        ((result) (fresh!))
                        ((s) (unify tf (list '-> ta result) s)))
            (loop result (cdr args) s))))))

(define (fold-right f init lst)
  (if (null? lst) init (f (car lst) (fold-right f init (cdr lst)))))

;;; ------------------------------------------------------------ printing

;; Rename type variables to a, b, c ... in order of appearance.
(define (pretty-type type)
  (let ((names '()))
    (define (name-of v)
      (let ((b (assv (tvar-id v) names)))
        (if b
            (cdr b)
            (let ((n (string (integer->char (+ (char->integer #\a) (length names))))))
              (set! names (cons (cons (tvar-id v) n) names))
              n))))
    (define (show t nested)
      (cond ((tvar? t) (string-append "'" (name-of t)))
            ((symbol? t) (symbol->string t))
            ((eq? (car t) '->)
             (let ((s (string-append (show (cadr t) #t) " -> " (show (caddr t) #f))))
               (if nested (string-append "(" s ")") s)))
            ((eq? (car t) 'list) (string-append "[" (show (cadr t) #f) "]"))
            ((eq? (car t) 'pair)
             (string-append "(" (show (cadr t) #f) " * " (show (caddr t) #f) ")"))
            (else "?")))
    (show type #f)))

(define (parse-type spec)
  ;; Build a type from a spec where symbols a..e are shared type variables.
  (let ((vars '()))
    (let walk ((spec spec))
      (cond ((memq spec '(a b c d e))
             (let ((b (assq spec vars)))
               (if b
                   (cdr b)
                   (let ((v (fresh!)))
                     (set! vars (cons (cons spec v) vars))
                     v))))
            ((symbol? spec) spec)
            (else (cons (car spec) (map walk (cdr spec))))))))

(define (poly spec)
  (let ((t (parse-type spec)))
    (make-scheme (free-vars t) t)))

(define initial-env
  (map (lambda (entry) (cons (car entry) (poly (cadr entry))))
       '((+ (-> int (-> int int)))
         (- (-> int (-> int int)))
         (* (-> int (-> int int)))
         (= (-> int (-> int bool)))
         (< (-> int (-> int bool)))
         (not (-> bool bool))
         (pair (-> a (-> b (pair a b))))
         (fst (-> (pair a b) a))
         (snd (-> (pair a b) b))
         (nil (list a))
         (cons (-> a (-> (list a) (list a))))
         (head (-> (list a) a))
         (tail (-> (list a) (list a)))
         (null? (-> (list a) bool)))))

(define (type-of expr)
  (call-with-current-continuation
   (lambda (k)
     (set! type-error (lambda (parts) (k (cons 'error parts))))
     (let-values (((t s) (infer expr initial-env '())))
       (pretty-type (apply-subst s t))))))

(define (show-error parts)
  (let ((out (open-output-string)))
    (display "type error: " out)
    (display (car parts) out)
    (for-each (lambda (p)
                (display " " out)
                (display (if (or (tvar? p) (pair? p)) (pretty-type p) p) out))
              (cdr parts))
    (get-output-string out)))

(define (report expr)
  (write expr)
  (newline)
  (let ((result (type-of expr)))
    (display "  : ")
    (display (if (and (pair? result) (eq? (car result) 'error))
                 (show-error (cdr result))
                 result))
    (newline)))

(for-each report
  '(42
    #t
    (lambda (x) x)
    (lambda (x y) x)
    (lambda (f x) (f (f x)))
    (lambda (f g x) (f (g x)))
    (let (id (lambda (x) x)) (pair (id 1) (id #t)))
    (lambda (id) (pair (id 1) (id #t)))
    (+ 1 2)
    (if (< 1 2) 10 20)
    (if 1 2 3)
    (lambda (x) (x x))
    (letrec (len (lambda (l) (if (null? l) 0 (+ 1 (len (tail l)))))) len)
    (letrec (map (lambda (f l) (if (null? l) nil (cons (f (head l)) (map f (tail l))))))
      map)
    (letrec (map (lambda (f l) (if (null? l) nil (cons (f (head l)) (map f (tail l))))))
      (map (lambda (n) (< n 3)) (cons 1 (cons 2 nil))))
    (letrec (foldl (lambda (f acc l) (if (null? l) acc (foldl f (f acc (head l)) (tail l)))))
      foldl)
    (let (compose (lambda (f g) (lambda (x) (f (g x)))))
      (compose not (lambda (n) (= n 0))))
    (lambda (p) (pair (snd p) (fst p)))
    (let (k (lambda (x) (lambda (y) x))) (k nil))
    (cons 1 (cons #t nil))
    (undefined 3)
    (let (twice (lambda (f) (lambda (x) (f (f x)))))
      (pair (twice (lambda (n) (+ n 1)) 5) (twice not #t)))))
