;; Leaving a scope by an escape releases what it owned too: a raise caught
;; by guard, a continuation, an escape through dynamic-wind (whose "after"
;; thunks run first). What the escape carries survives.
(define (noisy name) (lambda (v) (display "  destroy ") (display name) (newline)))

(define r
  (guard (e (#t (display "  handler\n") (error-object-message e)))
    (let ((s (shared 1 (noisy "guarded"))))
      (error "boom"))))
(display r)
(newline)

(define k
  (call/cc
   (lambda (k)
     (let ((s (shared 'escaping (noisy "escaping"))))
       (k s)))))
(display (list (shared-value k) (ref-count k)))
(newline)
(set! k #f)

(dynamic-wind
 (lambda () (display "  before\n"))
 (lambda () (let ((s (shared 'wound (noisy "wound")))) (display "  during\n")))
 (lambda () (display "  after\n")))

(display (call/cc
          (lambda (out)
            (dynamic-wind
             (lambda () (display "  before\n"))
             (lambda () (let ((s (shared 'escaped (noisy "escaped")))) (out 'gone) 'unreached))
             (lambda () (display "  after\n"))))))
(newline)

;; a call in tail position leaves the caller's scope first: what the callee
;; is not given is released before it runs
(display (call/cc
          (lambda (out)
            (let ((s (shared 'left-behind (noisy "left behind"))))
              (out 'tail-called)))))
(newline)

;; a raised shared value reaches the handler alive
(define caught
  (guard (e ((shared? e) (list 'caught (shared-value e) (ref-count e))))
    (raise (shared 'raised (noisy "raised")))))
(display caught)
(newline)
(display "end\n")
