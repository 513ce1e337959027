(import (scheme base) (scheme write))

;; Exact big-number work: digits of pi by Gibbons' unbounded spigot and by
;; Machin's formula with scaled integers, digits of e, factorials and
;; binomials, Bernoulli numbers as exact rationals, continued fractions,
;; and a few number-theoretic checks (modular exponentiation, Fibonacci
;; identities), all printed exactly.

;; Gibbons' streaming spigot: the state (q r t k n l) is carried in a
;; named let; each produced digit is passed to a consumer procedure.
(define (pi-digits count consume)
  (let loop ((q 1) (r 0) (t 1) (k 1) (n 3) (l 3) (produced 0))
    (when (< produced count)
      (if (< (+ (* 4 q) (- r t)) (* n t))
          (begin
            (consume n)
            (loop (* 10 q)
                  (* 10 (- r (* n t)))
                  t
                  k
                  (- (quotient (* 10 (+ (* 3 q) r)) t) (* 10 n))
                  l
                  (+ produced 1)))
          (loop (* q k)
                (* (+ (* 2 q) r) l)
                (* t l)
                (+ k 1)
                (quotient (+ (* q (+ (* 7 k) 2)) (* r l)) (* t l))
                (+ l 2)
                produced)))))

(define (digits->string digits)
  (list->string (map (lambda (d) (integer->char (+ d 48))) digits)))

(define (collect-digits producer count)
  (let ((acc '()))
    (producer count (lambda (d) (set! acc (cons d acc))))
    (reverse acc)))

(define spigot-digits (collect-digits pi-digits 120))
(display "pi (spigot): ")
(display (car spigot-digits)) (display ".")
(display (digits->string (cdr spigot-digits)))
(newline)

;; Machin: pi = 16 arctan(1/5) - 4 arctan(1/239), with integers scaled by
;; 10^(digits+10) so that truncation errors stay in the guard digits.
(define (arctan-inverse x scale)
  (let loop ((term (quotient scale x)) (sum 0) (k 0))
    (if (= term 0)
        sum
        (let ((contribution (quotient term (+ (* 2 k) 1))))
          (loop (quotient term (* x x))
                (if (even? k) (+ sum contribution) (- sum contribution))
                (+ k 1))))))

(define (machin-pi digits)
  (let* ((guard 10)
         (scale (expt 10 (+ digits guard)))
         (pi (- (* 16 (arctan-inverse 5 scale)) (* 4 (arctan-inverse 239 scale)))))
    (quotient pi (expt 10 guard))))

(let* ((p (machin-pi 119))
       (s (number->string p)))
  (display "pi (machin): ")
  (display (string-ref s 0)) (display ".") (display (substring s 1 (string-length s)))
  (newline)
  (display "agree: ")
  (display (string=? s (digits->string spigot-digits)))
  (newline))

;; e = sum 1/k!, as an exact rational, then its decimal expansion.
(define (e-approx terms)
  (let loop ((k 0) (fact 1) (sum 0))
    (if (= k terms)
        sum
        (loop (+ k 1) (* fact (+ k 1)) (+ sum (/ 1 fact))))))

(define (decimal-expansion x places)
  ;; x exact and non-negative: integer part, then places digits, truncated
  (let* ((whole (floor x))
         (frac (- x whole)))
    (let loop ((frac frac) (i 0) (acc '()))
      (if (= i places)
          (string-append (number->string whole) "." (digits->string (reverse acc)))
          (let* ((shifted (* frac 10))
                 (d (floor shifted)))
            (loop (- shifted d) (+ i 1) (cons (exact d) acc)))))))

(let ((e (e-approx 60)))
  (display "e: ") (display (decimal-expansion e 60)) (newline)
  (display "e numerator digits: ") (display (string-length (number->string (numerator e))))
  (newline))

;; Factorials and binomials.
(define (factorial n)
  (do ((i 1 (+ i 1)) (acc 1 (* acc i))) ((> i n) acc)))

(define (binomial n k)
  ;; multiplicative formula; every intermediate value is an integer
  (let loop ((i 1) (acc 1))
    (if (> i k) acc (loop (+ i 1) (quotient (* acc (- n (- i 1))) i)))))

(display "30! = ") (display (factorial 30)) (newline)
(display "100! = ") (display (factorial 100)) (newline)
(display "digit sum of 100! = ")
(display (let loop ((n (factorial 100)) (s 0))
           (if (= n 0) s (loop (quotient n 10) (+ s (remainder n 10))))))
(newline)
(display "trailing zeros of 1000! = ")
(display (let loop ((n (factorial 1000)) (z 0))
           (if (= (remainder n 10) 0) (loop (quotient n 10) (+ z 1)) z)))
(newline)
(display "C(100,50) = ") (display (binomial 100 50)) (newline)
(display "C(100,50) via factorials agrees: ")
(display (= (binomial 100 50) (/ (factorial 100) (* (factorial 50) (factorial 50)))))
(newline)

;; Pascal's triangle row sums are powers of two.
(let loop ((n 0))
  (when (<= n 64)
    (let ((row-sum (let sum ((k 0) (s 0)) (if (> k n) s (sum (+ k 1) (+ s (binomial n k)))))))
      (unless (= row-sum (expt 2 n))
        (display "row sum mismatch at ") (display n) (newline)))
    (loop (+ n 16))))
(display "row 64 sum: ") (display (expt 2 64)) (newline)

;; Bernoulli numbers by the Akiyama-Tanigawa algorithm, exact rationals
;; in a vector.
(define (bernoulli n)
  (let ((a (make-vector (+ n 1) 0)))
    (do ((m 0 (+ m 1))) ((> m n) (vector-ref a 0))
      (vector-set! a m (/ 1 (+ m 1)))
      (do ((j m (- j 1))) ((< j 1))
        (vector-set! a (- j 1) (* j (- (vector-ref a (- j 1)) (vector-ref a j))))))))

(do ((n 0 (+ n 2))) ((> n 20))
  (display "B") (display n) (display " = ") (display (bernoulli n)) (newline))
(display "B1 = ") (display (bernoulli 1)) (newline)

;; Continued fractions of rationals and convergents of sqrt 2.
(define (continued-fraction x)
  (let loop ((x x) (acc '()))
    (let* ((a (floor x)) (rest (- x a)))
      (if (= rest 0)
          (reverse (cons a acc))
          (loop (/ 1 rest) (cons a acc))))))

(define (from-continued-fraction terms)
  (if (null? (cdr terms))
      (car terms)
      (+ (car terms) (/ 1 (from-continued-fraction (cdr terms))))))

(display "cf(415/93) = ") (write (continued-fraction 415/93)) (newline)
(display "back: ") (write (from-continued-fraction (continued-fraction 415/93))) (newline)
(display "cf(machin pi 30 digits) = ")
(write (continued-fraction (/ (machin-pi 30) (expt 10 30))))
(newline)
(let loop ((i 0) (c 1))
  (when (< i 8)
    (display "sqrt2 convergent: ") (display c)
    (display "  error numerator: ") (display (- (* (numerator c) (numerator c))
                                               (* 2 (denominator c) (denominator c))))
    (newline)
    (loop (+ i 1) (+ 1 (/ 1 (+ 1 c))))))

;; Modular exponentiation by squaring, checked against expt.
(define (expt-mod base e m)
  (let loop ((b (modulo base m)) (e e) (acc 1))
    (cond ((= e 0) acc)
          ((odd? e) (loop (modulo (* b b) m) (quotient e 2) (modulo (* acc b) m)))
          (else (loop (modulo (* b b) m) (quotient e 2) acc)))))

(define m61 (- (expt 2 61) 1))
(display "3^1000 mod (2^61-1) = ") (display (expt-mod 3 1000 m61)) (newline)
(display "agrees with expt: ") (display (= (expt-mod 3 1000 m61) (modulo (expt 3 1000) m61)))
(newline)
(display "Fermat test on 2^61-1: ") (display (= 1 (expt-mod 2 (- m61 1) m61))) (newline)

;; Fibonacci numbers by fast doubling; F(2n) = F(n)(2F(n+1) - F(n)).
(define (fib-pair n)
  ;; returns F(n) and F(n+1)
  (if (= n 0)
      (values 0 1)
      (let-values (((a b) (fib-pair (quotient n 2))))
        (let ((c (* a (- (* 2 b) a)))
              (d (+ (* a a) (* b b))))
          (if (even? n)
              (values c d)
              (values d (+ c d)))))))

(define (fib n) (call-with-values (lambda () (fib-pair n)) (lambda (a b) a)))

(display "F(300) = ") (display (fib 300)) (newline)
(display "Cassini at 301: ")
(display (- (* (fib 300) (fib 302)) (* (fib 301) (fib 301))))
(newline)
(display "gcd(F(120), F(84)) = F(gcd(120,84)): ")
(display (= (gcd (fib 120) (fib 84)) (fib (gcd 120 84))))
(newline)
(display "exact->inexact of a big ratio: ")
(display (exact (round (* 1000000 (/ (fib 201) (fib 200))))))
(newline)
(display "integer sqrt of 10^100 + 1: ")
(call-with-values (lambda () (exact-integer-sqrt (+ (expt 10 100) 1)))
  (lambda (s r) (display s) (display " remainder ") (display r)))
(newline)
