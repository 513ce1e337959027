;;; sieve -- the sieve of Eratosthenes over a bytevector (1: still a prime
;;; candidate, 0: crossed out): count the primes below 10,000,000, several
;;; times over.
;;; Measures: bytevector allocation, bytevector-u8-ref/-set! in tight loops.
;;; Prints the count of one sieve and the sum over all repetitions.

(define reps 3)           ; smoke: 1
(define limit 10000000)   ; smoke: 1000

(define (count-primes n)
  (let ((prime (make-bytevector n 1)))
    (bytevector-u8-set! prime 0 0)
    (bytevector-u8-set! prime 1 0)
    (let cross ((i 2))
      (when (<= (* i i) n)
        (when (= (bytevector-u8-ref prime i) 1)
          (do ((j (* i i) (+ j i)))
              ((>= j n))
            (bytevector-u8-set! prime j 0)))
        (cross (+ i 1))))
    (do ((i 0 (+ i 1))
         (count 0 (+ count (bytevector-u8-ref prime i))))
        ((= i n) count))))

(define (run-sieve count n)
  (let repeat ((i 0) (total 0) (last 0))
    (if (= i count)
        (list last total)
        (let ((primes (count-primes n)))
          (repeat (+ i 1) (+ total primes) primes)))))

(let ((result (run-sieve reps limit)))
  (display (car result))
  (display " ")
  (display (cadr result))
  (newline))
