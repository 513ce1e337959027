; letrec and letrec*-bound procedures, mutually recursive, called from
; closures that outlive the letrec's body.
(define (parity-testers)
  (letrec ((ev? (lambda (n) (if (= n 0) #t (od? (- n 1)))))
           (od? (lambda (n) (if (= n 0) #f (ev? (- n 1))))))
    (list (lambda (n) (ev? n)) (lambda (n) (od? n)))))
(define testers (parity-testers))
(display (map (lambda (t) (t 7)) testers))
(newline)

; letrec* whose procedure captures a variable bound before it.
(define (make-counter start)
  (letrec* ((base (* start 10))
            (next (lambda (k) (if (= k 0) base (+ 1 (next (- k 1))))))
            (show (lambda (k) (list k (next k)))))
    (lambda (ks) (map (lambda (k) (show k)) ks))))
(display ((make-counter 4) '(0 1 5)))
(newline)

; A named let inside a letrec procedure inside a closure.
(define (collatz-lengths)
  (letrec ((step (lambda (n) (if (even? n) (quotient n 2) (+ (* 3 n) 1)))))
    (lambda (ns)
      (map (lambda (n)
             (let loop ((n n) (len 0))
               (if (= n 1) len (loop (step n) (+ len 1)))))
           ns))))
(display ((collatz-lengths) '(1 6 7 27)))
(newline)
