;;; Exact arithmetic: continued fractions, Egyptian fractions, Bernoulli
;;; numbers by the Akiyama-Tanigawa algorithm, integer square roots,
;;; gcd/lcm identities, modular exponentiation, Miller-Rabin primality,
;;; and a toy RSA round trip with primes above 10^30.
(import (scheme base) (scheme write))

(define (show label value)
  (display label)
  (display ": ")
  (write value)
  (newline))

;;; ------------------------------------------------------------ fractions

;; The continued fraction of an exact rational, as a list of terms.
(define (continued-fraction q)
  (let loop ((q q) (terms '()))
    (let* ((a (floor q))
           (rest (- q a)))
      (if (zero? rest)
          (reverse (cons a terms))
          (loop (/ 1 rest) (cons a terms))))))

(define (convergents terms)
  ;; h(n) = a(n) h(n-1) + h(n-2), the same for k
  (let loop ((terms terms) (h1 1) (h2 0) (k1 0) (k2 1) (acc '()))
    (if (null? terms)
        (reverse acc)
        (let ((h (+ (* (car terms) h1) h2))
              (k (+ (* (car terms) k1) k2)))
          (loop (cdr terms) h h1 k k1 (cons (/ h k) acc))))))

(define (from-continued-fraction terms)
  (if (null? (cdr terms))
      (car terms)
      (+ (car terms) (/ 1 (from-continued-fraction (cdr terms))))))

;; Greedy Egyptian fraction: q = 1/a + 1/b + ... with distinct a < b < ...
(define (egyptian q)
  (let loop ((q q) (acc '()))
    (if (zero? q)
        (reverse acc)
        (let ((d (ceiling (/ 1 q))))
          (loop (- q (/ 1 d)) (cons d acc))))))

;; Bernoulli numbers B_0..B_n (with B_1 = +1/2, the Akiyama-Tanigawa form).
(define (bernoulli n)
  (let ((a (make-vector (+ n 1) 0)))
    (let loop ((m 0) (acc '()))
      (if (> m n)
          (reverse acc)
          (begin
            (vector-set! a m (/ 1 (+ m 1)))
            (do ((j m (- j 1))) ((< j 1))
              (vector-set! a (- j 1) (* j (- (vector-ref a (- j 1)) (vector-ref a j)))))
            (loop (+ m 1) (cons (vector-ref a 0) acc)))))))

;; Harmonic numbers H_n = 1 + 1/2 + ... + 1/n
(define (harmonic n)
  (do ((k 1 (+ k 1))
       (sum 0 (+ sum (/ 1 k))))
      ((> k n) sum)))

;; q as a decimal string with `places` digits, truncated.
(define (exact->string q places)
  (let* ((sign (if (negative? q) "-" ""))
         (q (abs q))
         (whole (floor q))
         (scaled (floor (* (- q whole) (expt 10 places))))
         (digits (number->string scaled)))
    (string-append sign (number->string whole) "."
                   (make-string (- places (string-length digits)) #\0)
                   digits)))

(show "cf 415/93" (continued-fraction 415/93))
(show "back" (from-continued-fraction (continued-fraction 415/93)))
(show "cf of 355/113" (continued-fraction 355/113))
(define sqrt2-terms (cons 1 (make-list 12 2)))
(show "convergents of sqrt 2" (convergents sqrt2-terms))
(let ((c (list-ref (convergents sqrt2-terms) 12)))
  (show "error of the 13th, squared minus 2" (- (* c c) 2)))
(define golden (from-continued-fraction (make-list 30 1)))
(show "30 ones" golden)
(show "fibonacci ratio numerator" (numerator golden))
(show "egyptian 4/13" (egyptian 4/13))
(show "egyptian 5/121" (egyptian 5/121))
(show "sum back" (apply + (map (lambda (d) (/ 1 d)) (egyptian 5/121))))
(show "bernoulli 0..20" (bernoulli 20))
(show "H(30)" (harmonic 30))
(show "denominator of H(30) / 2^4" (/ (denominator (harmonic 30)) 16))
(show "rational ops" (list (+ 1/3 1/6) (* 2/3 9/4) (- 1/2 2/4) (/ 7 -21)
                           (exact->string 22/7 10)))

;;; ------------------------------------------------------------ integers

(define (isqrt n)
  (call-with-values (lambda () (exact-integer-sqrt n))
    (lambda (s r) s)))

;; Newton's method, as a check of exact-integer-sqrt.
(define (newton-isqrt n)
  (if (< n 2)
      n
      (let loop ((x n))
        (let ((y (quotient (+ x (quotient n x)) 2)))
          (if (>= y x) x (loop y))))))

(let ((big (expt 10 41)))
  (call-with-values (lambda () (exact-integer-sqrt big))
    (lambda (s r)
      (show "isqrt 10^41" s)
      (show "remainder" r)
      (show "s^2 + r = n" (= (+ (* s s) r) big))
      (show "newton agrees" (= s (newton-isqrt big))))))

(show "isqrt of squares"
      (map (lambda (k) (= k (isqrt (* k k))))
           (list 0 1 99 (expt 2 64) (- (expt 3 50) 1))))

(define (iota-list a b) (if (> a b) '() (cons a (iota-list (+ a 1) b))))
(define (factorial n) (if (= n 0) 1 (* n (factorial (- n 1)))))
(show "30!" (factorial 30))
(show "gcd(30!, 2^100)" (gcd (factorial 30) (expt 2 100)))
(show "lcm 1..30" (apply lcm (iota-list 1 30)))
(show "gcd*lcm = product"
      (let ((a (* 12345678901234567890 17)) (b (* 98765432109876543210 17)))
        (= (* (gcd a b) (lcm a b)) (* a b))))
(show "exact division" (list (quotient (expt 10 30) 7) (remainder (expt 10 30) 7)
                             (modulo (- (expt 10 30)) 7)
                             (floor-quotient (- (expt 10 20)) 3)
                             (truncate-quotient (- (expt 10 20)) 3)))

;; Square-and-multiply.
(define (expmod base e m)
  (let loop ((base (modulo base m)) (e e) (result 1))
    (cond ((= e 0) result)
          ((odd? e) (loop (modulo (* base base) m) (quotient e 2)
                          (modulo (* result base) m)))
          (else (loop (modulo (* base base) m) (quotient e 2) result)))))

(show "2^1000 mod 10^9+7" (expmod 2 1000 1000000007))
(show "same as expt" (= (expmod 3 200 (expt 10 12)) (modulo (expt 3 200) (expt 10 12))))

(define (miller-rabin? n)
  (define witnesses '(2 3 5 7 11 13 17 19 23 29 31 37 41))
  (define (decompose d s)
    (if (even? d) (decompose (quotient d 2) (+ s 1)) (values d s)))
  (cond ((< n 2) #f)
        ((memv n witnesses) #t)
        ((any? (lambda (p) (zero? (remainder n p))) witnesses) #f)
        (else
         (let-values (((d s) (decompose (- n 1) 0)))
           (let check ((ws witnesses))
             (if (null? ws)
                 #t
                 (let ((x (expmod (car ws) d n)))
                   (if (or (= x 1) (= x (- n 1))
                           (let square ((x x) (r 1))
                             (and (< r s)
                                  (let ((x (modulo (* x x) n)))
                                    (or (= x (- n 1)) (square x (+ r 1)))))))
                       (check (cdr ws))
                       #f))))))))

(define (any? pred lst)
  (and (pair? lst) (or (pred (car lst)) (any? pred (cdr lst)))))

(define (next-prime n)
  (let loop ((k (if (even? n) (+ n 1) n)))
    (if (miller-rabin? k) k (loop (+ k 2)))))

(show "primes below 60" (let loop ((k 59) (acc '()))
                          (if (< k 2) acc (loop (- k 1) (if (miller-rabin? k) (cons k acc) acc)))))
(show "carmichael 561 prime?" (miller-rabin? 561))
(show "2^61-1 prime?" (miller-rabin? (- (expt 2 61) 1)))
(show "2^67-1 prime?" (miller-rabin? (- (expt 2 67) 1)))

;;; ------------------------------------------------------------ RSA

;; Extended Euclid: (values g x y) with a x + b y = g.
(define (extended-gcd a b)
  (if (= b 0)
      (values a 1 0)
      (let-values (((g x y) (extended-gcd b (modulo a b))))
        (values g y (- x (* (quotient a b) y))))))

(define (modular-inverse a m)
  (let-values (((g x y) (extended-gcd a m)))
    (if (= g 1) (modulo x m) (error "no inverse" a m))))

(define p (next-prime (+ (expt 10 30) 12345)))
(define q (next-prime (* 3 (expt 10 31))))
(define n (* p q))
(define phi (* (- p 1) (- q 1)))
(define e 65537)
(define d (modular-inverse e phi))
(show "p" p)
(show "q" q)
(show "n" n)
(show "d*e mod phi" (modulo (* d e) phi))

;; Text to a number, base 256, and back.
(define (string->integer s)
  (let loop ((cs (string->list s)) (acc 0))
    (if (null? cs) acc (loop (cdr cs) (+ (* acc 256) (char->integer (car cs)))))))

(define (integer->string k)
  (let loop ((k k) (acc '()))
    (if (= k 0)
        (list->string acc)
        (loop (quotient k 256) (cons (integer->char (remainder k 256)) acc)))))

(for-each
 (lambda (message)
   (let* ((m (string->integer message))
          (c (expmod m e n))
          (back (integer->string (expmod c d n))))
     (show "message" message)
     (show "  ciphertext" c)
     (show "  decrypted" back)))
 '("attack at dawn" "Scheme!" "RSA-62"))
