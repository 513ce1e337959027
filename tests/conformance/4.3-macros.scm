;;; R7RS 4.3 Macros and 5.4 syntax definitions: define-syntax, let-syntax,
;;; letrec-syntax, syntax-rules (literals, ellipsis, nested ellipsis, tail
;;; patterns, vectors, dotted patterns, custom ellipsis, _, (... ...)), and
;;; hygiene both ways.
(import (scheme base) (scheme write))

(define-syntax swap!
  (syntax-rules ()
    ((_ a b) (let ((tmp a)) (set! a b) (set! b tmp)))))
(define-syntax my-or
  (syntax-rules ()
    ((my-or) #f)
    ((my-or e) e)
    ((my-or e1 e2 ...) (let ((temp e1)) (if temp temp (my-or e2 ...))))))
(define-syntax for
  (syntax-rules (in)
    ((_ x in lst body ...) (map (lambda (x) body ...) lst))))
(define-syntax my-list
  (syntax-rules ()
    ((_ x ...) (list x ...))))
(define-syntax flatten-pairs
  (syntax-rules ()
    ((_ (a b ...) ...) '(a ... b ... ...))))
(define-syntax my-let*
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ ((x v) rest ...) body ...) (let ((x v)) (my-let* (rest ...) body ...)))))
(define-syntax last-two
  (syntax-rules ()
    ((_ a ... b c) '(b c))))
(define-syntax vector-pattern
  (syntax-rules ()
    ((_ #(a ...)) (list a ...))))
(define-syntax dotted-pattern
  (syntax-rules ()
    ((_ a . rest) '(a rest))))
(define-syntax custom-ellipsis
  (syntax-rules ::: ()
    ((_ x :::) (list x :::))))
(define-syntax second-of
  (syntax-rules ()
    ((_ _ b . _) b)))
(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name
       (syntax-rules ()
         ((name expr (... ...)) (begin expr (... ...))))))))
(be-like-begin sequence)
(define-syntax def-const
  (syntax-rules ()
    ((_ name value) (define name value))))
(def-const forty-two 42)
(define-syntax with-temp
  (syntax-rules ()
    ((_ e) (let ((temp 5)) (+ temp e)))))
(define-syntax first-of
  (syntax-rules ()
    ((_ l) (car l))))
(define (helper x) (* x 2))
(define-syntax twice
  (syntax-rules ()
    ((_ e) (helper e))))
(define-syntax while
  (syntax-rules ()
    ((_ c body ...) (let lp () (when c body ... (lp))))))
(define-syntax my-if
  (syntax-rules (then else)
    ((_ c then t else e) (if c t e))))
(define-syntax kind-of
  (syntax-rules ()
    ((_ ()) 'empty)
    ((_ 1) 'one)
    ((_ "s") 'string)
    ((_ #t) 'true)
    ((_ (x . y)) 'pair)
    ((_ x) 'other)))
(define-syntax count-args
  (syntax-rules ()
    ((_) 0)
    ((_ x rest ...) (+ 1 (count-args rest ...)))))
(define-syntax my-cond
  (syntax-rules (else)
    ((_ (else e)) e)
    ((_ (c e) clause ...) (if c e (my-cond clause ...)))))
(define-syntax bind-pairs
  (syntax-rules ()
    ((_ ((name val) ...) body) (let ((name val) ...) body))))

(check "4.3.2 swap!" (lambda () (let ((a 1) (b 2)) (swap! a b) (list a b))) '(2 1))
(check "4.3.2 swap! hygiene: user variable named tmp" (lambda () (let ((tmp 1) (other 2)) (swap! tmp other) (list tmp other))) '(2 1))
(check "4.3.2 my-or (R7RS example)"
       (lambda () (let ((x #f) (y 7) (temp 8) (let odd?) (if even?)) (my-or x (let temp) (if y) y)))
       7)
(check "4.3.2 my-or empty" (lambda () (my-or)) #f)
(check "4.3.2 my-or evaluates once" (lambda () (let ((n 0)) (my-or (begin (set! n (+ n 1)) #f) (begin (set! n (+ n 1)) n)))) 2)
(check "4.3.2 literal in pattern" (lambda () (for y in '(1 2 3) (* y y))) '(1 4 9))
(check "4.3.2 ellipsis" (lambda () (my-list 1 2 3)) '(1 2 3))
(check "4.3.2 ellipsis matching nothing" (lambda () (my-list)) '())
(check "4.3.2 nested ellipsis" (lambda () (flatten-pairs (1 2 3) (4 5) (6))) '(1 4 6 2 3 5))
(check "4.3.2 recursive macro" (lambda () (my-let* ((a 1) (b (+ a 1)) (c (* b 10))) (list a b c))) '(1 2 20))
(check "4.3.2 ellipsis followed by more patterns" (lambda () (last-two 1 2 3 4)) '(3 4))
(check "4.3.2 ellipsis followed by patterns, minimum" (lambda () (last-two 1 2)) '(1 2))
(check "4.3.2 vector pattern" (lambda () (vector-pattern #(1 2 3))) '(1 2 3))
(check "4.3.2 dotted pattern" (lambda () (dotted-pattern 1 2 3)) '(1 (2 3)))
(check "4.3.2 dotted pattern empty rest" (lambda () (dotted-pattern 1)) '(1 ()))
(check "4.3.2 custom ellipsis" (lambda () (custom-ellipsis 1 2 3)) '(1 2 3))
(check "4.3.2 underscore" (lambda () (second-of 1 2 3 4)) 2)
(check "4.3.2 (... ...) escapes the ellipsis (R7RS example)" (lambda () (sequence 1 2 3 4)) 4)
(check "4.3.2 macro expanding to a definition" (lambda () forty-two) 42)
(check "4.3.2 introduced binding does not capture" (lambda () (let ((temp 1)) (with-temp temp))) 6)
(check "4.3.2 free identifier keeps its definition-site binding" (lambda () (let ((car cdr)) (first-of '(1 2)))) 1)
(check "4.3.2 free identifier to a global procedure" (lambda () (let ((helper (lambda (x) 'wrong))) (twice 5))) 10)
(check "4.3.2 introduced loop name does not capture"
       (lambda () (let ((i 0) (lp 'user)) (while (< i 3) (set! i (+ i 1))) (list i lp)))
       '(3 user))
(check "4.3.2 literals then and else" (lambda () (list (my-if #t then 'a else 'b) (my-if #f then 'a else 'b))) '(a b))
(check "4.3.2 datum patterns" (lambda () (list (kind-of ()) (kind-of 1) (kind-of "s") (kind-of #t) (kind-of (a b)) (kind-of z))) '(empty one string true pair other))
(check "4.3.2 recursive counting" (lambda () (count-args a b c d)) 4)
(check "4.3.2 else literal" (lambda () (my-cond (#f 1) ((= 1 1) 2) (else 3))) 2)
(check "4.3.2 else literal reached" (lambda () (my-cond (#f 1) (else 3))) 3)
(check "4.3.2 parallel ellipsis variables" (lambda () (bind-pairs ((a 1) (b 2)) (+ a b))) 3)
(check "4.3.2 shadowed => is not the cond literal (R7RS example)"
       (lambda () (let ((=> #f)) (cond (#t => 'ok))))
       'ok)
(check "4.3.1 let-syntax (R7RS example)"
       (lambda () (let-syntax ((given-that (syntax-rules ()
                                              ((_ test stmt1 stmt2 ...) (if test (begin stmt1 stmt2 ...))))))
                    (let ((if #t))
                      (given-that if (set! if 'now))
                      if)))
       'now)
(check "4.3.1 let-syntax refers to outer binding (R7RS example)"
       (lambda () (let ((x 'outer))
                    (let-syntax ((m (syntax-rules () ((m) x))))
                      (let ((x 'inner))
                        (m)))))
       'outer)
(check "4.3.1 letrec-syntax (R7RS example)"
       (lambda () (letrec-syntax
                      ((my-or (syntax-rules ()
                                ((my-or) #f)
                                ((my-or e) e)
                                ((my-or e1 e2 ...) (let ((temp e1)) (if temp temp (my-or e2 ...)))))))
                    (let ((x #f) (y 7) (temp 8) (let odd?) (if even?))
                      (my-or x (let temp) (if y) y))))
       7)
(check "4.3.1 let-syntax scope ends" (lambda () (let ((r (let-syntax ((m (syntax-rules () ((_) 1)))) (m)))) r)) 1)
(check "5.4 internal define-syntax"
       (lambda () (let () (define-syntax inc! (syntax-rules () ((_ v) (set! v (+ v 1))))) (define n 1) (inc! n) (inc! n) n))
       3)
(check "5.4 define-syntax shadows a procedure name locally"
       (lambda () (let () (define-syntax list (syntax-rules () ((_ x ...) 'macro))) (list 1 2)))
       'macro)
