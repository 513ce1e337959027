;; Callbacks: C calls Scheme through function pointers made by
;; define-c-callback; an error inside one reaches the Scheme handler.
(c-include "<stdlib.h>" "ffi_helpers.h")
(define-c-procedure c-qsort "qsort" (bytevector size_t size_t (function int (const pointer) (const pointer))) void)
(define-c-procedure fold-range "fold_range" (long (function long long long) long) long)
(define-c-procedure call-n-times "call_n_times" (int (function void int)) void)

(define-c-callback descending ((const pointer) (const pointer)) int
  (lambda (a b) (- (pointer-u8-ref b 0) (pointer-u8-ref a 0))))
(define bytes (bytevector 5 3 9 1 7 2 8))
(c-qsort bytes (bytevector-length bytes) 1 descending)
(write bytes) (newline)

;; the comparator is a closure over Scheme state
(define comparisons 0)
(define (by-parity a b)
  (set! comparisons (+ comparisons 1))
  (let ((x (pointer-u8-ref a 0)) (y (pointer-u8-ref b 0)))
    (cond ((and (even? x) (odd? y)) -1)
          ((and (odd? x) (even? y)) 1)
          (else (- x y)))))
(define-c-callback parity-order ((const pointer) (const pointer)) int by-parity)
(c-qsort bytes (bytevector-length bytes) 1 parity-order)
(write (list bytes (> comparisons 0))) (newline)

(define-c-callback add-step (long long) long (lambda (acc i) (+ acc (* i i))))
(write (fold-range 10 add-step 0)) (newline)          ; 1 + 4 + ... + 100
(define seen '())
(define-c-callback remember (int) void (lambda (i) (set! seen (cons i seen))))
(call-n-times 4 remember)
(write (reverse seen)) (newline)
(write remember) (newline)

;; an error in a callback unwinds through C to the handler
(define-c-callback failing ((const pointer) (const pointer)) int
  (lambda (a b) (error "comparator failed on" (pointer-u8-ref a 0))))
(write (guard (e ((error-object? e) (list 'caught (error-object-message e))))
         (c-qsort bytes 2 1 failing)
         'not-reached))
(newline)
;; a callback's result is checked like any value going to C
(define-c-callback bad-result (long long) long (lambda (acc i) 'oops))
(write (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
         (fold-range 3 bad-result 0)))
(newline)
;; a callback of another type, or something else, is refused
(define (refused thunk)
  (guard (e ((error-object? e) (display (error-object-message e)) (newline))) (thunk)))
(refused (lambda () (fold-range 3 remember 0)))
(refused (lambda () (c-qsort bytes 2 1 (lambda (a b) 0))))
