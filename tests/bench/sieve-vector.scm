;;; sieve-vector -- sieve.scm with a vector of booleans instead of a
;;; bytevector: count the primes below 10,000,000, several times over.
;;; Measures: vector allocation, vector-ref/vector-set! in tight loops. Each
;;; slot is a whole word here, eight times the memory of sieve.scm's bytes,
;;; so there is no C twin: compare it with sieve and with the other Schemes.
;;; Prints the count of one sieve and the sum over all repetitions.

(define reps 3)           ; smoke: 1
(define limit 10000000)   ; smoke: 1000

(define (count-primes n)
  (let ((prime (make-vector n #t)))
    (vector-set! prime 0 #f)
    (vector-set! prime 1 #f)
    (let cross ((i 2))
      (when (<= (* i i) n)
        (when (vector-ref prime i)
          (do ((j (* i i) (+ j i)))
              ((>= j n))
            (vector-set! prime j #f)))
        (cross (+ i 1))))
    (do ((i 0 (+ i 1))
         (count 0 (if (vector-ref prime i) (+ count 1) count)))
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
