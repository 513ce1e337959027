;; Recursive procedures, mutual recursion, calls before the definition.
(define (fact n)
  (if (<= n 1)
      1
      (* n (fact (- n 1)))))
(print (fact 10))             ; 3628800
(print (fact 20))             ; 2432902008176640000, the largest that fits
(print (fact 21))             ; 21! = 51090942171709440000 wraps to
                              ; 21! - 3 * 2^64 = -4249290049419214848

(define (gcd a b)
  (if (= b 0) a (gcd b (% a b))))
(print (gcd 1071 462))        ; 1071 = 2*462 + 147, 462 = 3*147 + 21, 147 = 7*21: 21

(define (ack m n)
  (if (= m 0)
      (+ n 1)
      (if (= n 0)
          (ack (- m 1) 1)
          (ack (- m 1) (ack m (- n 1))))))
(print (ack 2 3))             ; A(2, n) = 2n + 3: 9

(define (even? n) (if (= n 0) 1 (odd? (- n 1))))
(define (odd? n) (if (= n 0) 0 (even? (- n 1))))
(print (even? 10))            ; 1
(print (odd? 7))              ; 1
(print (even? 7))             ; 0

(print (later 4))             ; defined below: 16
(define (later x) (* x x))

(define (weigh a b c d e)
  (+ (* a 10000) (* b 1000) (* c 100) (* d 10) e))
(print (weigh 1 2 3 4 5))     ; 12345

;; 2000 frames of 4 words each fit the default 16384-word stack.
(define (depth n)
  (if (= n 0) 0 (+ 1 (depth (- n 1)))))
(depth 2000)                  ; 2000
