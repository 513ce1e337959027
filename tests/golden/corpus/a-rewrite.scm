(import (scheme base) (scheme write) (scheme cxr))

;; A Boyer-style term rewriter and tautology checker. Terms are lists with
;; a function symbol in front; variables are symbols starting with '?'.
;; Rules are stored in an association list keyed by the head symbol of
;; their left-hand side, as in the Gabriel benchmark, and applied
;; innermost-first until no rule applies.

(define (variable? x)
  (and (symbol? x)
       (let ((s (symbol->string x)))
         (and (> (string-length s) 1) (char=? (string-ref s 0) #\?)))))

;; Substitutions are alists from variable to term. unify returns the
;; extended substitution or #f.
(define (walk term subst)
  (if (variable? term)
      (let ((b (assq term subst)))
        (if b (walk (cdr b) subst) term))
      term))

(define (occurs? var term subst)
  (let ((term (walk term subst)))
    (cond ((eq? var term) #t)
          ((pair? term)
           (let loop ((args term))
             (and (pair? args)
                  (or (occurs? var (car args) subst) (loop (cdr args))))))
          (else #f))))

(define (unify a b subst)
  (let ((a (walk a subst)) (b (walk b subst)))
    (cond ((not subst) #f)
          ((eq? a b) subst)
          ((variable? a) (if (occurs? a b subst) #f (cons (cons a b) subst)))
          ((variable? b) (unify b a subst))
          ((and (pair? a) (pair? b))
           (let ((s (unify (car a) (car b) subst)))
             (and s (unify (cdr a) (cdr b) s))))
          ((equal? a b) subst)
          (else #f))))

;; One-way matching, for rewriting: only pattern variables get bound.
(define (match pattern term subst)
  (cond ((not subst) #f)
        ((variable? pattern)
         (let ((b (assq pattern subst)))
           (cond ((not b) (cons (cons pattern term) subst))
                 ((equal? (cdr b) term) subst)
                 (else #f))))
        ((pair? pattern)
         (and (pair? term)
              (match (cdr pattern) (cdr term) (match (car pattern) (car term) subst))))
        ((equal? pattern term) subst)
        (else #f)))

(define (instantiate term subst)
  (cond ((variable? term)
         (let ((b (assq term subst)))
           (if b (instantiate (cdr b) subst) term)))
        ((pair? term) (cons (instantiate (car term) subst)
                            (instantiate (cdr term) subst)))
        (else term)))

(define rule-table '())

(define (add-rule! rule)
  (let* ((lhs (cadr rule))
         (head (car lhs))
         (entry (assq head rule-table)))
    (if entry
        (set-cdr! entry (append (cdr entry) (list rule)))
        (set! rule-table (cons (list head rule) rule-table)))))

(for-each add-rule!
  '((equal (if (if ?a ?b ?c) ?d ?e) (if ?a (if ?b ?d ?e) (if ?c ?d ?e)))
    (equal (and ?p ?q) (if ?p (if ?q (t) (f)) (f)))
    (equal (or ?p ?q) (if ?p (t) (if ?q (t) (f))))
    (equal (not ?p) (if ?p (f) (t)))
    (equal (implies ?p ?q) (if ?p (if ?q (t) (f)) (t)))
    (equal (iff ?p ?q) (and (implies ?p ?q) (implies ?q ?p)))
    (equal (plus (zero) ?y) ?y)
    (equal (plus (succ ?x) ?y) (succ (plus ?x ?y)))
    (equal (times (zero) ?y) (zero))
    (equal (times (succ ?x) ?y) (plus ?y (times ?x ?y)))
    (equal (append (nil) ?l) ?l)
    (equal (append (cons ?a ?d) ?l) (cons ?a (append ?d ?l)))
    (equal (reverse (nil)) (nil))
    (equal (reverse (cons ?a ?d)) (append (reverse ?d) (cons ?a (nil))))
    (equal (length (nil)) (zero))
    (equal (length (cons ?a ?d)) (succ (length ?d)))
    (equal (eqn ?x ?x) (t))
    (equal (lessp (zero) (succ ?y)) (t))
    (equal (lessp ?x (zero)) (f))
    (equal (lessp (succ ?x) (succ ?y)) (lessp ?x ?y))))

(define rewrite-count 0)

(define (rewrite term)
  (if (not (pair? term))
      term
      (rewrite-with-rules (cons (car term) (map rewrite (cdr term)))
                          (let ((entry (assq (car term) rule-table)))
                            (if entry (cdr entry) '())))))

(define (rewrite-with-rules term rules)
  (cond ((null? rules) term)
        ((match (cadar rules) term '())
         => (lambda (subst)
              (set! rewrite-count (+ rewrite-count 1))
              (rewrite (instantiate (caddar rules) subst))))
        (else (rewrite-with-rules term (cdr rules)))))

;; Tautology checking in the style of Boyer: walk if-trees, keeping lists
;; of terms assumed true and assumed false.
(define (truep x true-list)
  (or (equal? x '(t)) (member x true-list)))

(define (falsep x false-list)
  (or (equal? x '(f)) (member x false-list)))

(define (tautologyp x true-list false-list)
  (cond ((truep x true-list) #t)
        ((falsep x false-list) #f)
        ((and (pair? x) (eq? (car x) 'if))
         (let ((test (cadr x)) (then (caddr x)) (else-branch (cadddr x)))
           (cond ((truep test true-list) (tautologyp then true-list false-list))
                 ((falsep test false-list) (tautologyp else-branch true-list false-list))
                 (else (and (tautologyp then (cons test true-list) false-list)
                            (tautologyp else-branch true-list (cons test false-list)))))))
        (else #f)))

(define (tautology? term)
  (tautologyp (rewrite term) '() '()))

;; Peano numerals for readability.
(define (num n) (if (= n 0) '(zero) (list 'succ (num (- n 1)))))
(define (peano->integer t)
  (let loop ((t t) (n 0))
    (cond ((equal? t '(zero)) n)
          ((and (pair? t) (eq? (car t) 'succ)) (loop (cadr t) (+ n 1)))
          (else (list 'stuck t)))))

(define (lisp-list . xs)
  (let loop ((xs (reverse xs)) (acc '(nil)))
    (if (null? xs) acc (loop (cdr xs) (list 'cons (car xs) acc)))))

(define (report label value)
  (display label) (display " => ") (write value) (newline))

(report "2+3" (peano->integer (rewrite `(plus ,(num 2) ,(num 3)))))
(report "3*4" (peano->integer (rewrite `(times ,(num 3) ,(num 4)))))
(report "reverse" (rewrite `(reverse ,(lisp-list 'a 'b 'c))))
(report "length of append"
        (peano->integer (rewrite `(length (append ,(lisp-list 1 2) ,(lisp-list 3 4 5))))))
(report "2<3" (rewrite `(lessp ,(num 2) ,(num 3))))
(report "3<2" (rewrite `(lessp ,(num 3) ,(num 2))))

(define formulas
  '((implies (and p q) p)
    (implies p (or p q))
    (implies (and (implies p q) (implies q r)) (implies p r))
    (iff (not (and p q)) (or (not p) (not q)))
    (implies p q)
    (or p (not p))
    (and p (not p))
    (iff (implies p q) (implies (not q) (not p)))
    (implies (or p q) (and p q))))

(for-each
 (lambda (f)
   (set! rewrite-count 0)
   (let ((result (tautology? f)))
     (write f)
     (display (if result "  TAUTOLOGY" "  not a tautology"))
     (display " (rewrites: ")
     (display rewrite-count)
     (display ")")
     (newline)))
 formulas)

;; Unification, with the resulting substitution applied to both sides.
(define (unify-report a b)
  (let ((s (unify a b '())))
    (write a) (display " ~ ") (write b) (display " : ")
    (if s
        (write (list (instantiate a s) (instantiate b s)))
        (display "no unifier"))
    (newline)))

(unify-report '(f ?x (g ?y)) '(f (h ?y) (g a)))
(unify-report '(f ?x ?x) '(f (g ?y) (g b)))
(unify-report '(f ?x) '(f (g ?x)))
(unify-report '(p ?a (q ?b ?c)) '(p ?c (q ?a d)))
(unify-report '(f a) '(f b))
(unify-report '(cons ?h ?t) (lisp-list 1 2 3))

;; A larger Boyer-style stress: a tautology with many nested connectives,
;; checked repeatedly.
(define (chain n)
  (if (= n 0)
      'p0
      (let ((v (string->symbol (string-append "p" (number->string n)))))
        `(and (implies ,(string->symbol (string-append "p" (number->string (- n 1)))) ,v)
              ,(chain (- n 1))))))

(define (chain-goal n)
  (let ((last (string->symbol (string-append "p" (number->string n)))))
    `(implies ,(chain n) ,last)))

(do ((n 1 (+ n 1))) ((> n 5))
  (set! rewrite-count 0)
  (let ((r (tautology? (chain-goal n))))
    (display "chain ") (display n) (display ": ") (display r)
    (display " rewrites ") (display rewrite-count) (newline)))
