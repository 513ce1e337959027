; Calling a procedure nobody defined is a compile-time error, in any position.
(define (process items)
  (cond ((null? items) 'done)
        (else (frobnicate (car items))
              (process (cdr items)))))
(process '(1 2 3))
(display (list (proces '())))
