;; The sieve of Eratosthenes over a table in the heap: one word per number
;; below 1000, 1 when it is crossed out.
(define table 20000)
(define limit 1000)
(for (i 2 limit)
  (if (= (mem-read (+ table i)) 0)
      (do
        (define j (* i i))
        (while (< j limit)
          (mem-write (+ table j) 1)
          (set j (+ j i))))))
(define count 0)
(define largest 0)
(for (i 2 limit)
  (if (= (mem-read (+ table i)) 0)
      (do
        (set count (+ count 1))
        (set largest i))))
(print count)       ; pi(1000) = 168 primes below 1000
(print largest)     ; 997
(print (mem-read (+ table 991)))   ; a prime: 0
(print (mem-read (+ table 999)))   ; 27 * 37: 1
count
