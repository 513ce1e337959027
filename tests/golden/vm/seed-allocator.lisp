;; The seed's allocator with metadata, driven the way the seed's test run
;; shows: four allocations, statistics, one 5000-word allocation,
;; statistics again.
;;
;; By hand: every block takes size + HEADER_SIZE (2) words and the caller
;; gets the address after the header.
;;   malloc 10:   block 20000, 12 words: returns 20002, head 20012
;;   malloc 20:   block 20012, 22 words: returns 20014, head 20034
;;   malloc 50:   block 20034, 52 words: returns 20036, head 20086
;;   malloc 100:  block 20086, 102 words: returns 20088, head 20188
;; statistics: 4 allocations; 12+22+52+102 = 188 words allocated;
;;   used = 20188 - 20000 = 188; free = 30000 - 20188 = 9812.
;;   malloc 5000: block 20188, 5002 words (20188 + 5002 = 25190 <= 30000):
;;                returns 20190, head 25190
;; statistics: 5 allocations; 188 + 5002 = 5190 allocated; used 5190;
;;   free = 30000 - 25190 = 4810. print-stats returns 0: the final result.
(do
  (define HEAP_START 20000)
  (define HEAP_END 30000)
  (define NULL 0)

  (define HEADER_SIZE 2)
  (define free-list-head HEAP_START)
  (define total-allocated 0)
  (define num-allocations 0)

  (define (malloc size)
    (do
      (define needed (+ size HEADER_SIZE))
      (define result free-list-head)

      (if (> (+ result needed) HEAP_END)
          NULL
          (do
            (set free-list-head (+ free-list-head needed))
            (set total-allocated (+ total-allocated needed))
            (set num-allocations (+ num-allocations 1))
            (+ result HEADER_SIZE)))))

  (define (get-used-memory)
    (- free-list-head HEAP_START))

  (define (get-free-memory)
    (- HEAP_END free-list-head))

  (define (print-stats)
    (do
      (print num-allocations)
      (print total-allocated)
      (print (get-used-memory))
      (print (get-free-memory))
      0))

  (define p1 (print (malloc 10)))
  (define p2 (print (malloc 20)))
  (define p3 (print (malloc 50)))
  (define p4 (print (malloc 100)))

  (print-stats)

  (define large (print (malloc 5000)))
  (print-stats))
