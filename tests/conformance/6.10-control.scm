;;; R7RS 6.10 Control features: procedure?, apply, map and the other mapping
;;; procedures, call/cc, values, dynamic-wind. The checks that re-enter a
;;; continuation after its call/cc returned are last.
(import (scheme base) (scheme write) (scheme char) (scheme inexact))

(define compose (lambda (f g) (lambda args (f (apply g args)))))
(define list-length
  (lambda (obj)
    (call-with-current-continuation
     (lambda (return)
       (letrec ((r (lambda (obj)
                     (cond ((null? obj) 0)
                           ((pair? obj) (+ (r (cdr obj)) 1))
                           (else (return #f))))))
         (r obj))))))

(define (iota-list n) (let loop ((i (- n 1)) (acc '())) (if (< i 0) acc (loop (- i 1) (cons i acc)))))

(check "6.10 procedure? car" (lambda () (procedure? car)) #t)
(check "6.10 procedure? symbol" (lambda () (procedure? 'car)) #f)
(check "6.10 procedure? lambda" (lambda () (procedure? (lambda (x) (* x x)))) #t)
(check "6.10 procedure? quoted lambda" (lambda () (procedure? '(lambda (x) (* x x)))) #f)
(check "6.10 procedure? continuation" (lambda () (call-with-current-continuation procedure?)) #t)
(check "6.10 procedure? parameter and case-lambda" (lambda () (list (procedure? (make-parameter 1)) (procedure? (case-lambda ((x) x))))) '(#t #t))
(check "6.10 procedure? non-procedures" (lambda () (map procedure? (list 1 "s" '() (vector) #f))) '(#f #f #f #f #f))
(check "6.10 apply" (lambda () (apply + (list 3 4))) 7)
(check "6.10 apply compose (R7RS example)" (lambda () ((compose sqrt *) 12 75)) 30)
(check "6.10 apply with leading arguments" (lambda () (apply + 1 2 '(3 4))) 10)
(check "6.10 apply empty list" (lambda () (apply list '())) '())
(check "6.10 apply max" (lambda () (apply max 1 '(5 2))) 5)
(check "6.10 apply long list" (lambda () (apply + (make-list 100000 1))) 100000)
(check "6.10 apply lambda with rest" (lambda () (apply (lambda (a . r) (list a r)) 1 '(2 3))) '(1 (2 3)))
(check "6.10 apply in tail position"
       (lambda () (let loop ((n 100000)) (if (= n 0) 'done (apply loop (list (- n 1))))))
       'done)
(check "6.10 map cadr" (lambda () (map cadr '((a b) (d e) (g h)))) '(b e h))
(check "6.10 map expt" (lambda () (map (lambda (n) (expt n n)) '(1 2 3 4 5))) '(1 4 27 256 3125))
(check "6.10 map two lists" (lambda () (map + '(1 2 3) '(10 20 30))) '(11 22 33))
(check "6.10 map shortest list" (lambda () (map + '(1 2) '(10 20 30))) '(11 22))
(check "6.10 map three lists" (lambda () (map list '(1 2) '(a b) '("x" "y"))) '((1 a "x") (2 b "y")))
(check "6.10 map empty" (lambda () (map car '())) '())
(check "6.10 map call order is some order"
       (lambda () (let* ((count 0) (r (map (lambda (ignored) (set! count (+ count 1)) count) '(a b))))
                    (if (member r '((1 2) (2 1))) #t r)))
       #t)
(check "6.10 map long list" (lambda () (length (map (lambda (x) (+ x 1)) (make-list 1000000 0)))) 1000000)
(check "6.10 string-map foldcase" (lambda () (string-map char-foldcase "AbdEgH")) "abdegh")
(check "6.10 string-map successor" (lambda () (string-map (lambda (c) (integer->char (+ 1 (char->integer c)))) "HAL")) "IBM")
(check "6.10 string-map two strings"
       (lambda () (string-map (lambda (c k) ((if (eqv? k #\u) char-upcase char-downcase) c)) "studlycaps xxx" "ululululul"))
       "StUdLyCaPs")
(check "6.10 string-map unicode result" (lambda () (string-map (lambda (c) (if (char=? c #\a) #\λ c)) "banana")) "bλnλnλ")
(check "6.10 vector-map cadr" (lambda () (vector-map cadr '#((a b) (d e) (g h)))) #(b e h))
(check "6.10 vector-map expt" (lambda () (vector-map (lambda (n) (expt n n)) '#(1 2 3 4 5))) #(1 4 27 256 3125))
(check "6.10 vector-map two vectors" (lambda () (vector-map + '#(1 2) '#(10 20 30))) #(11 22))
(check "6.10 vector-map empty" (lambda () (vector-map car #())) #())
(check "6.10 for-each (R7RS example)"
       (lambda () (let ((v (make-vector 5))) (for-each (lambda (i) (vector-set! v i (* i i))) '(0 1 2 3 4)) v))
       #(0 1 4 9 16))
(check "6.10 for-each order" (lambda () (let ((acc '())) (for-each (lambda (x) (set! acc (cons x acc))) '(1 2 3)) acc)) '(3 2 1))
(check "6.10 for-each two lists" (lambda () (let ((acc '())) (for-each (lambda (a b) (set! acc (cons (+ a b) acc))) '(1 2 3) '(10 20)) acc)) '(22 11))
(check "6.10 string-for-each (R7RS example)"
       (lambda () (let ((v '())) (string-for-each (lambda (c) (set! v (cons (char->integer c) v))) "abcde") v))
       '(101 100 99 98 97))
;; guile 3.0.8 takes a single string (R7RS allows several).
(check "6.10 string-for-each two strings"
       (lambda () (let ((v '())) (string-for-each (lambda (a b) (set! v (cons (string a b) v))) "abc" "xy") v))
       '("by" "ax"))
(check "6.10 vector-for-each (R7RS example)"
       (lambda () (let ((v (make-list 5))) (vector-for-each (lambda (i) (list-set! v i (* i i))) '#(0 1 2 3 4)) v))
       '(0 1 4 9 16))
(check "6.10 vector-for-each two vectors"
       (lambda () (let ((acc '())) (vector-for-each (lambda (a b) (set! acc (cons (* a b) acc))) #(1 2 3) #(4 5)) acc))
       '(10 4))
(check "6.10 call/cc escape from for-each (R7RS example)"
       (lambda () (call-with-current-continuation
                   (lambda (exit)
                     (for-each (lambda (x) (if (negative? x) (exit x))) '(54 0 37 -3 245 19))
                     #t)))
       -3)
(check "6.10 list-length (R7RS example)" (lambda () (list-length '(1 2 3 4))) 4)
(check "6.10 list-length improper (R7RS example)" (lambda () (list-length '(a b . c))) #f)
(check "6.10 call/cc normal return" (lambda () (call-with-current-continuation (lambda (k) 5))) 5)
(check "6.10 call/cc abandons the rest" (lambda () (+ 1 (call/cc (lambda (k) (+ 10 (k 1)))))) 2)
(check "6.10 call/cc from nested procedure"
       (lambda () (call/cc (lambda (k) (define (deep n) (if (= n 0) (k 'bottom) (+ 1 (deep (- n 1))))) (deep 1000))))
       'bottom)
(check "6.10 call/cc nested escapes"
       (lambda () (call/cc (lambda (outer) (+ 1 (call/cc (lambda (inner) (outer 'outer)))))))
       'outer)
(check "6.10 call/cc escape with several values"
       (lambda () (call-with-values (lambda () (call/cc (lambda (k) (k 1 2)))) list))
       '(1 2))
(check "6.10 values" (lambda () (call-with-values (lambda () (values 4 5)) (lambda (a b) b))) 5)
(check "6.10 call-with-values * -" (lambda () (call-with-values * -)) -1)
(check "6.10 zero values" (lambda () (call-with-values (lambda () (values)) list)) '())
(check "6.10 single value" (lambda () (call-with-values (lambda () 1) list)) '(1))
(check "6.10 values with one argument is that value" (lambda () (+ 1 (values 2))) 3)
(check "6.10 many values" (lambda () (call-with-values (lambda () (apply values (iota-list 20))) +)) 190)
(check "6.10 dynamic-wind order"
       (lambda () (let ((path '()))
                    (dynamic-wind (lambda () (set! path (cons 'before path)))
                                  (lambda () (set! path (cons 'during path)))
                                  (lambda () (set! path (cons 'after path))))
                    (reverse path)))
       '(before during after))
(check "6.10 dynamic-wind value" (lambda () (dynamic-wind (lambda () 1) (lambda () 'thunk) (lambda () 3))) 'thunk)
(check "6.10 dynamic-wind several values"
       (lambda () (call-with-values (lambda () (dynamic-wind (lambda () #f) (lambda () (values 1 2)) (lambda () #f))) list))
       '(1 2))
(check "6.10 dynamic-wind after runs on escape"
       (lambda () (let ((path '()))
                    (call/cc (lambda (k)
                               (dynamic-wind (lambda () (set! path (cons 'in path)))
                                             (lambda () (k 'escaped) (set! path (cons 'not-here path)))
                                             (lambda () (set! path (cons 'out path))))))
                    (reverse path)))
       '(in out))
(check "6.10 dynamic-wind nested unwind order"
       (lambda () (let ((path '()))
                    (call/cc (lambda (k)
                               (dynamic-wind
                                (lambda () (set! path (cons 'in1 path)))
                                (lambda () (dynamic-wind
                                            (lambda () (set! path (cons 'in2 path)))
                                            (lambda () (k 0))
                                            (lambda () (set! path (cons 'out2 path)))))
                                (lambda () (set! path (cons 'out1 path))))))
                    (reverse path)))
       '(in1 in2 out2 out1))
;; guile 3.0.8 runs the outer before and after thunks twice here (chez and
;; gambit agree with this expectation).
(check "6.10 dynamic-wind escape to middle"
       (lambda () (let ((path '()))
                    (dynamic-wind
                     (lambda () (set! path (cons 'in1 path)))
                     (lambda () (call/cc (lambda (k)
                                           (dynamic-wind
                                            (lambda () (set! path (cons 'in2 path)))
                                            (lambda () (k 0))
                                            (lambda () (set! path (cons 'out2 path)))))))
                     (lambda () (set! path (cons 'out1 path))))
                    (reverse path)))
       '(in1 in2 out2 out1))

;; Re-entering a continuation after its call/cc has returned.
(check "6.10 re-entering a continuation"
       (lambda () (let ((k #f) (n 0))
                    (let ((v (call/cc (lambda (c) (set! k c) 0))))
                      (set! n (+ n 1))
                      (if (< v 3) (k (+ v 1)) (list v n)))))
       '(3 4))
(check "6.10 dynamic-wind with re-entry (R7RS example)"
       (lambda () (let ((path '()) (c #f))
                    (let ((add (lambda (s) (set! path (cons s path)))))
                      (dynamic-wind
                       (lambda () (add 'connect))
                       (lambda () (add (call-with-current-continuation (lambda (c0) (set! c c0) 'talk1))))
                       (lambda () (add 'disconnect)))
                      (if (< (length path) 4)
                          (c 'talk2)
                          (reverse path)))))
       '(connect talk1 disconnect connect talk2 disconnect))
