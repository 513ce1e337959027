;;; R7RS 6.12 Environments and evaluation: eval, environment,
;;; scheme-report-environment, null-environment, interaction-environment.
(import (scheme base) (scheme write) (scheme eval) (scheme repl) (scheme r5rs))

(check "6.12 eval (R7RS example)"
       (lambda () (eval '(* 7 3) (environment '(scheme base))))
       21)
(check "6.12 eval of a procedure value (R7RS example)"
       (lambda () (let ((f (eval '(lambda (f x) (f x x)) (null-environment 5)))) (f + 10)))
       20)
(check "6.12 eval of a self-evaluating datum" (lambda () (eval 42 (environment '(scheme base)))) 42)
(check "6.12 eval of a quoted list" (lambda () (eval ''(a b) (environment '(scheme base)))) '(a b))
(check "6.12 eval of a built datum"
       (lambda () (eval (list 'if (list '> 3 2) ''yes ''no) (environment '(scheme base))))
       'yes)
(check "6.12 define in an environment is visible to later evals"
       (lambda () (let ((env (environment '(scheme base))))
                    (eval '(define (sq x) (* x x)) env)
                    (eval '(sq 9) env)))
       81)
(check "6.12 environments are separate"
       (lambda () (let ((a (environment '(scheme base))) (b (environment '(scheme base))))
                    (eval '(define x 1) a)
                    (eval '(define x 2) b)
                    (list (eval 'x a) (eval 'x b))))
       '(1 2))
(check "6.12 environment of several import sets"
       (lambda () (eval '(exact (floor 2.5)) (environment '(scheme base) '(scheme inexact))))
       2)
(check "6.12 scheme-report-environment 5"
       (lambda () (eval '(let loop ((i 0) (acc 1)) (if (= i 5) acc (loop (+ i 1) (* acc 2))))
                        (scheme-report-environment 5)))
       32)
(check "6.12 interaction-environment is one environment"
       (lambda () (eval '(define made-in-interaction 'yes) (interaction-environment))
                  (eval 'made-in-interaction (interaction-environment)))
       'yes)
(check "6.12 eval'd procedures in compiled higher-order calls"
       (lambda () (map (eval '(lambda (x) (+ x 1)) (environment '(scheme base))) '(1 2 3)))
       '(2 3 4))
(check "6.12 tail calls in eval'd code"
       (lambda () (eval '(let loop ((i 0)) (if (< i 100000) (loop (+ i 1)) i)) (environment '(scheme base))))
       100000)
(check "6.12 quasiquote in eval'd code"
       (lambda () (eval '`(1 ,(+ 1 1) ,@(list 3)) (environment '(scheme base))))
       '(1 2 3))
(check-raise "6.12 unbound variable in eval'd code raises"
             (lambda () (eval 'no-such-variable (environment '(scheme base))))
             error-object?)
(check-raise "6.12 errors in eval'd code are conditions"
             (lambda () (eval '(vector-ref (vector 1) 5) (environment '(scheme base))))
             error-object?)
