;; The seed's bump allocator (seeds/000-vm-allocator-in-lisp.md), with a
;; print at each allocation so the run shows the seed's numbers.
;;
;; By hand: the pointer starts at 16384, the heap's first word.
;;   (allocate 10): result 16384, pointer 16394 (<= 65536, so 16384)
;;   (allocate 20): result 16394, pointer 16414
;;   (allocate 5):  result 16414, pointer 16419
;; The program's value is obj3 = 16414.
(do
  (define free-list-head 16384)
  (define HEAP_END 65536)

  (define (allocate size)
    (do
      (define result free-list-head)
      (set free-list-head (+ free-list-head size))

      (if (> free-list-head HEAP_END)
          (do
            (set free-list-head (- free-list-head size))
            0)
          result)))

  (define obj1 (print (allocate 10)))  ; Returns: 16384
  (define obj2 (print (allocate 20)))  ; Returns: 16394
  (define obj3 (print (allocate 5)))   ; Returns: 16414

  obj3)
