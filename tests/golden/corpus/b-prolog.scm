;;; A small Prolog: terms are S-expressions, logic variables are symbols
;;; that start with `?`, substitutions are association lists, and the
;;; search runs on success and failure continuations (depth-first with
;;; chronological backtracking). A family database and list relations.
(import (scheme base) (scheme write) (scheme char))

;;; ------------------------------------------------------------ terms

(define (variable? x)
  (and (symbol? x)
       (let ((s (symbol->string x)))
         (and (> (string-length s) 0)
              (char=? (string-ref s 0) #\?)))))

(define (anonymous? x) (eq? x '?_))

;; Walk a variable through the substitution to its current binding.
(define (walk term subst)
  (if (variable? term)
      (let ((binding (assq term subst)))
        (if binding (walk (cdr binding) subst) term))
      term))

(define (occurs? var term subst)
  (let ((term (walk term subst)))
    (cond ((variable? term) (eq? var term))
          ((pair? term) (or (occurs? var (car term) subst)
                            (occurs? var (cdr term) subst)))
          (else #f))))

(define (extend var value subst)
  (if (occurs? var value subst)
      #f
      (cons (cons var value) subst)))

;; Unify two terms; the answer is the extended substitution or #f.
(define (unify a b subst)
  (let ((a (walk a subst))
        (b (walk b subst)))
    (cond ((not subst) #f)
          ((and (variable? a) (variable? b) (eq? a b)) subst)
          ((variable? a) (extend a b subst))
          ((variable? b) (extend b a subst))
          ((and (pair? a) (pair? b))
           (let ((s (unify (car a) (car b) subst)))
             (and s (unify (cdr a) (cdr b) s))))
          ((equal? a b) subst)
          (else #f))))

;; Fully substitute a term, for printing answers.
(define (resolve term subst)
  (let ((term (walk term subst)))
    (if (pair? term)
        (cons (resolve (car term) subst) (resolve (cdr term) subst))
        term)))

;;; ------------------------------------------------------------ clauses

;; A clause is (head . body); facts have an empty body.
(define-syntax facts
  (syntax-rules ()
    ((_ (rel arg ...) ...) (list (list (list 'rel 'arg ...)) ...))))

(define-syntax rule
  (syntax-rules (:-)
    ((_ head :- goal ...) (list 'head 'goal ...))))

;; Rename the variables of a clause apart, with a fresh suffix per use.
(define rename-counter 0)

(define (rename-clause clause)
  (set! rename-counter (+ rename-counter 1))
  (let ((suffix (string-append "." (number->string rename-counter))))
    (letrec ((rename (lambda (t seen k)
        (cond ((anonymous? t)
               (set! rename-counter (+ rename-counter 1))
               (k (string->symbol
                   (string-append "?_" (number->string rename-counter)))
                  seen))
              ((variable? t)
               (let ((old (assq t seen)))
                 (if old
                     (k (cdr old) seen)
                     (let ((new (string->symbol
                                 (string-append (symbol->string t) suffix))))
                       (k new (cons (cons t new) seen))))))
              ((pair? t)
               (rename (car t) seen
                       (lambda (a seen)
                         (rename (cdr t) seen
                                 (lambda (d seen) (k (cons a d) seen))))))
              (else (k t seen))))))
      (rename clause '() (lambda (result seen) result)))))

;;; ------------------------------------------------------------ the solver

;; Built-in predicates: name -> procedure (args subst succeed fail).
(define builtins
  (list
   (cons 'neq (lambda (args subst succeed fail)
                (if (unify (car args) (cadr args) subst)
                    (fail)
                    (succeed subst fail))))
   (cons 'is-less (lambda (args subst succeed fail)
                    (let ((a (resolve (car args) subst))
                          (b (resolve (cadr args) subst)))
                      (if (and (number? a) (number? b) (< a b))
                          (succeed subst fail)
                          (fail)))))
   (cons 'plus (lambda (args subst succeed fail)
                 (let ((a (resolve (car args) subst))
                       (b (resolve (cadr args) subst)))
                   (let ((s (unify (caddr args) (+ a b) subst)))
                     (if s (succeed s fail) (fail))))))))

(define (solve-goals goals db subst depth succeed fail)
  (if (null? goals)
      (succeed subst fail)
      (solve-goal (car goals) db subst depth
                  (lambda (subst fail)
                    (solve-goals (cdr goals) db subst depth succeed fail))
                  fail)))

(define (solve-goal goal db subst depth succeed fail)
  (let ((builtin (assq (car goal) builtins)))
    (cond
     ((> depth 60) (fail))
     (builtin ((cdr builtin) (cdr goal) subst succeed fail))
     (else
      (let try ((clauses db))
        (if (null? clauses)
            (fail)
            (let* ((clause (rename-clause (car clauses)))
                   (s (unify goal (car clause) subst)))
              (if s
                  (solve-goals (cdr clause) db s (+ depth 1) succeed
                               (lambda () (try (cdr clauses))))
                  (try (cdr clauses))))))))))

;; Collect up to `limit` answers as the query variables' values.
(define (query db goals vars limit)
  (let ((answers '())
        (count 0))
    (call-with-current-continuation
     (lambda (stop)
       (solve-goals goals db '() 0
                    (lambda (subst fail)
                      (set! answers
                            (cons (map (lambda (v) (resolve v subst)) vars)
                                  answers))
                      (set! count (+ count 1))
                      (if (>= count limit) (stop #t) (fail)))
                    (lambda () #f))))
    (reverse answers)))

(define (show-query title db goals vars limit)
  (display title)
  (display ":")
  (newline)
  (let ((answers (query db goals vars limit)))
    (if (null? answers)
        (begin (display "  no.") (newline))
        (for-each (lambda (answer)
                    (display "  ")
                    (let loop ((vs vars) (as answer) (first #t))
                      (unless (null? vs)
                        (unless first (display ", "))
                        (display (car vs))
                        (display " = ")
                        (write (car as))
                        (loop (cdr vs) (cdr as) #f)))
                    (newline))
                  answers))))

;;; ------------------------------------------------------------ the database

(define family
  (append
   (facts (parent tom bob) (parent tom liz) (parent bob ann)
          (parent bob pat) (parent pat jim) (parent liz joe)
          (parent joe kim) (male tom) (male bob) (male jim) (male joe)
          (female liz) (female ann) (female pat) (female kim))
   (list
    (rule (father ?x ?y) :- (parent ?x ?y) (male ?x))
    (rule (mother ?x ?y) :- (parent ?x ?y) (female ?x))
    (rule (grandparent ?x ?z) :- (parent ?x ?y) (parent ?y ?z))
    (rule (sibling ?x ?y) :- (parent ?p ?x) (parent ?p ?y) (neq ?x ?y))
    (rule (cousin ?x ?y) :- (parent ?a ?x) (parent ?b ?y) (sibling ?a ?b))
    (rule (ancestor ?x ?y) :- (parent ?x ?y))
    (rule (ancestor ?x ?y) :- (parent ?x ?z) (ancestor ?z ?y))
    (rule (has-child ?x) :- (parent ?x ?_)))))

(define lists
  (list
   (rule (append () ?l ?l) :-)
   (rule (append (?h . ?t) ?l (?h . ?r)) :- (append ?t ?l ?r))
   (rule (member ?x (?x . ?_)) :-)
   (rule (member ?x (?_ . ?t)) :- (member ?x ?t))
   (rule (reverse ?l ?r) :- (rev ?l () ?r))
   (rule (rev () ?acc ?acc) :-)
   (rule (rev (?h . ?t) ?acc ?r) :- (rev ?t (?h . ?acc) ?r))
   (rule (length () 0) :-)
   (rule (length (?_ . ?t) ?n) :- (length ?t ?m) (plus ?m 1 ?n))
   (rule (smallest (?x) ?x) :-)
   (rule (smallest (?x . ?t) ?x) :- (smallest ?t ?m) (is-less ?x ?m))
   (rule (smallest (?x . ?t) ?m) :- (smallest ?t ?m) (is-less ?m ?x))))

(show-query "children of bob" family '((parent bob ?c)) '(?c) 10)
(show-query "fathers" family '((father ?f ?c)) '(?f ?c) 10)
(show-query "mothers" family '((mother ?m ?c)) '(?m ?c) 10)
(show-query "grandparents of jim" family '((grandparent ?g jim)) '(?g) 10)
(show-query "siblings" family '((sibling ?a ?b)) '(?a ?b) 10)
(show-query "cousins of ann" family '((cousin ann ?c)) '(?c) 10)
(show-query "descendants of tom" family '((ancestor tom ?d)) '(?d) 20)
(show-query "ancestors of kim" family '((ancestor ?a kim)) '(?a) 20)
(show-query "who has a child" family '((has-child ?x)) '(?x) 20)
(show-query "is kim a child of ann" family '((parent ann kim)) '() 5)
(show-query "splits of (1 2 3)" lists '((append ?x ?y (1 2 3))) '(?x ?y) 10)
(show-query "members" lists '((member ?m (a b c))) '(?m) 10)
(show-query "reverse" lists '((reverse (1 2 3 4 5) ?r)) '(?r) 1)
(show-query "length" lists '((length (a b c d) ?n)) '(?n) 1)
(show-query "smallest" lists '((smallest (5 3 8 1 9) ?m)) '(?m) 1)
(show-query "first two lists ending in (z)" lists
            '((append ?front (z) ?whole)) '(?whole) 2)
(show-query "common members" lists
            '((member ?x (1 2 3 4)) (member ?x (3 4 5)))
            '(?x) 10)
(show-query "impossible" lists '((member q (a b c))) '(?x) 10)

;; Unification on its own, including the occurs check.
(define (show-unify a b)
  (let ((s (unify a b '())))
    (write a)
    (display " ~ ")
    (write b)
    (display " => ")
    (if s
        (write (resolve a s))
        (display "fails"))
    (newline)))

(show-unify '(f ?x (g ?y)) '(f a (g b)))
(show-unify '(f ?x ?x) '(f a b))
(show-unify '(f ?x ?y) '(f ?y c))
(show-unify '?x '(f ?x))
(show-unify '(p ?a (?b . ?c)) '(p 1 (2 3 4)))
