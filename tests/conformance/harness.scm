;;; The conformance harness. tools/conformance.py pastes it, on one line, right
;;; after the import form of each check file, and calls (harness-report) at
;;; the end. Portable R7RS and free of macros, so the same text runs under
;;; eshkol, guile, chicken and gambit.
;;;
;;;   (check NAME THUNK EXPECTED)        passes when (THUNK) returns a value
;;;                                      equal? to EXPECTED
;;;   (check-approx NAME THUNK EXPECTED) for inexact results: within 1e-9,
;;;                                      relative to EXPECTED's magnitude
;;;   (check-raise NAME THUNK PRED)      passes when (THUNK) raises an object
;;;                                      satisfying PRED
;;;
;;; NAME starts with the R7RS section, e.g. "6.4 append". An object raised by
;;; THUNK (an error included) is a failure, never the end of the run. Each
;;; check prints one line, `ok NAME` or `FAIL NAME: expected X, got Y`; the
;;; last line is `N passed, M failed`.
(define harness-passed 0)
(define harness-failed 0)
;; (value . V) when THUNK returns V; (raised . OBJ) when it raises OBJ.
(define (harness-outcome thunk)
  (call-with-current-continuation
   (lambda (return)
     (with-exception-handler
      (lambda (obj) (return (cons 'raised obj)))
      (lambda () (cons 'value (thunk)))))))
(define (harness-write-outcome outcome)
  (cond ((eq? (car outcome) 'value) (write (cdr outcome)))
        ((error-object? (cdr outcome))
         (display "an error: ")
         (write (error-object-message (cdr outcome)))
         (for-each (lambda (irritant) (display " ") (write irritant))
                   (error-object-irritants (cdr outcome))))
        (else (display "raised ") (write (cdr outcome)))))
(define (harness-count name ok write-expected outcome)
  (if ok
      (begin
        (set! harness-passed (+ harness-passed 1))
        (display "ok ")
        (display name)
        (newline))
      (begin
        (set! harness-failed (+ harness-failed 1))
        (display "FAIL ")
        (display name)
        (display ": expected ")
        (write-expected)
        (display ", got ")
        (harness-write-outcome outcome)
        (newline)))
  ;; a run that is killed (timeout) keeps what it printed
  (flush-output-port))
(define (harness-returned? outcome)
  (eq? (car outcome) 'value))
(define (check name thunk expected)
  (let ((outcome (harness-outcome thunk)))
    (harness-count name
                   (and (harness-returned? outcome) (equal? (cdr outcome) expected))
                   (lambda () (write expected))
                   outcome)))
(define (harness-close? got expected)
  (and (real? got)
       (or (= got expected)
           (<= (abs (- got expected)) (* 1e-9 (max 1 (abs expected)))))))
(define (check-approx name thunk expected)
  (let ((outcome (harness-outcome thunk)))
    (harness-count name
                   (and (harness-returned? outcome) (harness-close? (cdr outcome) expected))
                   (lambda () (display "about ") (write expected))
                   outcome)))
(define (check-raise name thunk pred)
  (let ((outcome (harness-outcome thunk)))
    (harness-count name
                   (and (not (harness-returned? outcome)) (pred (cdr outcome)))
                   (lambda () (display "a raise"))
                   outcome)))
(define (harness-report)
  (display harness-passed)
  (display " passed, ")
  (display harness-failed)
  (display " failed")
  (newline))
