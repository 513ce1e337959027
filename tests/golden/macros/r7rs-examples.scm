; The examples of R7RS 4.3 (the values in the comments are the report's).
(import (scheme base) (scheme write))
(write (let-syntax ((given-that (syntax-rules ()
                                  ((_ test stmt1 stmt2 ...)
                                   (if test (begin stmt1 stmt2 ...))))))
         (let ((if #t))
           (given-that if (set! if 'now))
           if)))                                    ; now
(newline)
(write (let ((x 'outer))
         (let-syntax ((m (syntax-rules () ((m) x))))
           (let ((x 'inner))
             (m)))))                                ; outer
(newline)
(write (letrec-syntax
           ((my-or (syntax-rules ()
                     ((my-or) #f)
                     ((my-or e) e)
                     ((my-or e1 e2 ...)
                      (let ((temp e1))
                        (if temp temp (my-or e2 ...)))))))
         (let ((x #f)
               (y 7)
               (temp 8)
               (let odd?)
               (if even?))
           (my-or x (let temp) (if y) y))))         ; 7
(newline)
(define-syntax be-like-begin
  (syntax-rules ()
    ((be-like-begin name)
     (define-syntax name
       (syntax-rules ()
         ((name expr (... ...))
          (begin expr (... ...))))))))
(be-like-begin sequence)
(write (sequence 1 2 3 4))                          ; 4
(newline)
(write (let ((=> #f)) (cond (#t => 'ok))))         ; ok
(newline)
(define-syntax simple-let
  (syntax-rules ()
    ((_ (head ... ((x . y) val) . tail) body1 body2 ...)
     (syntax-error "expected an identifier but got" (x . y)))
    ((_ ((name val) ...) body1 body2 ...)
     ((lambda (name ...) body1 body2 ...) val ...))))
(write (simple-let ((a 1) (b 2)) (+ a b)))          ; 3
(newline)
