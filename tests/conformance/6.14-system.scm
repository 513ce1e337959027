;;; R7RS 6.14 System interface: (scheme process-context) and (scheme time),
;;; and features. The runner passes the arguments "alpha" and "beta gamma"
;;; and sets ESHKOL_CONFORMANCE_VARIABLE. (file-exists? and delete-file are
;;; checked in 6.13-io.scm with the rest of (scheme file); load, of
;;; (scheme load), is outside what eshkolc compiles; exit and emergency-exit
;;; end the program, so golden programs check them.)
(import (scheme base) (scheme write) (scheme process-context) (scheme time))

(check "6.14 command-line is a list of strings"
       (lambda () (let ((cl (command-line))) (and (list? cl) (pair? cl) (let loop ((l cl)) (or (null? l) (and (string? (car l)) (loop (cdr l))))))))
       #t)
(check "6.14 command-line arguments" (lambda () (cdr (command-line))) '("alpha" "beta gamma"))
(check "6.14 get-environment-variable" (lambda () (get-environment-variable "ESHKOL_CONFORMANCE_VARIABLE")) "conformance value")
(check "6.14 get-environment-variable unset" (lambda () (get-environment-variable "ESHKOL_CONFORMANCE_UNSET_VARIABLE")) #f)
(check "6.14 get-environment-variables"
       (lambda () (assoc "ESHKOL_CONFORMANCE_VARIABLE" (get-environment-variables)))
       '("ESHKOL_CONFORMANCE_VARIABLE" . "conformance value"))
(check "6.14 get-environment-variables is an alist of strings"
       (lambda () (let loop ((l (get-environment-variables)))
                    (or (null? l) (and (pair? (car l)) (string? (caar l)) (string? (cdar l)) (loop (cdr l))))))
       #t)
(check "6.14 exit and emergency-exit are procedures" (lambda () (list (procedure? exit) (procedure? emergency-exit))) '(#t #t))
(check "6.14 current-second is inexact" (lambda () (let ((s (current-second))) (and (real? s) (inexact? s)))) #t)
(check "6.14 current-second is after 2020" (lambda () (> (current-second) 1.5e9)) #t)
(check "6.14 current-jiffy is an exact integer" (lambda () (exact-integer? (current-jiffy))) #t)
(check "6.14 current-jiffy does not go back" (lambda () (let* ((a (current-jiffy)) (b (current-jiffy))) (<= a b))) #t)
(check "6.14 jiffies-per-second" (lambda () (let ((j (jiffies-per-second))) (and (exact-integer? j) (positive? j)))) #t)
(check "6.14 time-length (R7RS example)"
       (lambda () (let ((lst (make-list 100000)) (start (current-jiffy)))
                    (length lst)
                    (let ((t (/ (- (current-jiffy) start) (jiffies-per-second)))) (and (real? t) (>= t 0)))))
       #t)
(check "6.14 features is a list of symbols"
       (lambda () (let ((f (features))) (and (list? f) (let loop ((l f)) (or (null? l) (and (symbol? (car l)) (loop (cdr l))))))))
       #t)
(check "6.14 features has r7rs" (lambda () (and (memq 'r7rs (features)) #t)) #t)
