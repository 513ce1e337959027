;; Environments: each keeps what eval defines in it; the interaction
;; environment also sees and changes the program's own globals; errors in
;; eval'd code are ordinary conditions.
(import (scheme base) (scheme write) (scheme eval) (scheme repl) (scheme r5rs))

(define (show x) (write x) (newline))
(define (message-of thunk)
  (guard (e ((error-object? e) (cons (error-object-message e) (error-object-irritants e)))
            (#t (list 'raised e)))
    (thunk)))

(define one (environment '(scheme base)))
(define two (environment '(only (scheme base) car) '(prefix (scheme write) w:)))
(eval '(define shared-name 'in-one) one)
(show (eval 'shared-name one))
(show (message-of (lambda () (eval 'shared-name two))))
(eval '(define shared-name 'in-two) two)
(show (list (eval 'shared-name one) (eval 'shared-name two)))

;; the program's globals, through interaction-environment
(define total 100)
(define (program-double n) (* 2 n))
(show (eval '(program-double total) (interaction-environment)))
(eval '(set! total (+ total 1)) (interaction-environment))
(show total)
(eval '(define total 7) (interaction-environment))
(show total)
(eval '(define made-by-eval (list 'fresh)) (interaction-environment))
(show (eval 'made-by-eval (interaction-environment)))
(show (eq? (interaction-environment) (interaction-environment)))
(show (message-of (lambda () (eval 'total one))))

;; R5RS's environments
(show (eval '(* 6 7) (scheme-report-environment 5)))
(show (eval '(if #t 'syntax-only 'no) (null-environment 5)))
(show (message-of (lambda () (eval '(car '(1)) (null-environment 5)))))
(show (message-of (lambda () (scheme-report-environment 6))))

;; errors
(show (message-of (lambda () (eval '(car 1) one))))
(show (message-of (lambda () (eval '(error "custom failure" 1 2) one))))
(show (message-of (lambda () (eval '(raise 'thrown) one))))
(show (message-of (lambda () (eval '(undefined-procedure 1) one))))
(show (message-of (lambda () (eval '(set! car 5) one))))
(show (message-of (lambda () (eval '(set! never-defined 5) one))))
(show (message-of (lambda () (eval '((lambda (a b) a) 1) one))))
(show (message-of (lambda () (eval '(define-record-type p (mp) p?) one))))
(show (message-of (lambda () (eval '() one))))
(show (message-of (lambda () (eval '(if) one))))
(show (message-of (lambda () (eval '(+ 1 2) 'not-an-environment))))
(show (message-of (lambda () (environment '(no such library)))))
(show (message-of (lambda () (environment 'scheme))))
(show (message-of (lambda () (eval '(let ((x 1)) (define y x) (begin (set! x 2)) (list x y)) one))))
