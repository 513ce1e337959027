; Nested ellipses, and a subtemplate followed by two ellipses (flattening).
(import (scheme base) (scheme write))
(define-syntax table
  (syntax-rules ()
    ((_ (key val ...) ...) '((key . (val ...)) ...))))
(write (table (a 1 2) (b) (c 3))) (newline)
(define-syntax flatten
  (syntax-rules ()
    ((_ (x ...) ...) '(x ... ...))))
(write (flatten (1 2) () (3) (4 5 6))) (newline)
(define-syntax my-let*-values
  (syntax-rules ()
    ((_ () body ...) (let () body ...))
    ((_ (((v ...) e) rest ...) body ...)
     (call-with-values (lambda () e) (lambda (v ...) (my-let*-values (rest ...) body ...))))))
(write (my-let*-values (((a b) (values 1 2)) ((c) (values (+ a b)))) (list a b c))) (newline)
(define-syntax rotate-rows
  (syntax-rules ()
    ((_ ((a b ...) ...)) '((b ... a) ...))))
(write (rotate-rows ((1 2 3) (4) (5 6)))) (newline)
(define-syntax cond-table
  (syntax-rules ()
    ((_ x (k r ...) ...) (case x ((k) (list r ...)) ... (else '())))))
(write (list (cond-table 2 (1 'a) (2 'b 'c)) (cond-table 3 (1 'a)))) (newline)
