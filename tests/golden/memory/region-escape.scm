;; A region is freed however its body exits: normally, by raise, by a
;; continuation escape. What escapes with the exit is promoted.
(define (show . xs) (for-each display xs) (newline))

;; raise: the condition and its irritants were made in the region
(show (guard (e ((error-object? e)
                 (list (error-object-message e) (error-object-irritants e))))
        (with-region 'failing
          (error "bad thing" (list 1 2) (string #\a)))))

;; a raised non-condition
(show (guard (e ((pair? e) (reverse e)))
        (with-region (raise (list 'a 'b 'c)))))

;; a continuation escape carrying a fresh value
(show (call/cc (lambda (k)
                 (with-region 'escaping
                   (k (vector 'escaped (list 1 2)))
                   'not-here))))

;; dynamic-wind inside and outside the region both run
(define trail '())
(define (note x) (set! trail (cons x trail)))
(call/cc (lambda (k)
  (dynamic-wind
    (lambda () (note 'outer-in))
    (lambda ()
      (with-region
        (dynamic-wind
          (lambda () (note 'inner-in))
          (lambda () (k (list 'leaving)))
          (lambda () (note 'inner-out)))))
    (lambda () (note 'outer-out)))))
(show (reverse trail))

;; many regions left by raise: nothing accumulates, the program goes on
(define caught 0)
(do ((i 0 (+ i 1))) ((= i 1000))
  (guard (e (#t (set! caught (+ caught 1))))
    (with-region (make-vector 100 i) (raise i))))
(show caught)

;; a with-exception-handler handler runs inside the region's extent
(show (with-exception-handler
        (lambda (e) 10)
        (lambda () (with-region (+ 1 (raise-continuable 'need-a-number))))))

;; the size hint must be a non-negative exact integer
(show (guard (e ((error-object? e) (cons (error-object-message e) (error-object-irritants e))))
        (with-region ('bad -5) 1)))
