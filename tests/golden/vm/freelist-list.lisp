;; A linked list of 100 cells (value, next) from the free-list allocator:
;; built, summed, freed.
;; By hand, over [20000, 21000): each cell is 2 words + 2 of header = 4,
;; the cell for i (1..100) is block 20000 + 4 (i - 1), so the list's head
;; is the cell of 100 at block 20396 (address 20398); 100 cells take 400
;; words: 600 1 600. The values sum to 5050. Freeing from the head frees
;; the highest block first, and each freed block touches the free block
;; above it: all 1000 words are one block again: 1000 1 1000.
(include "../../../stdlib/vm/freelist.lisp")
(fl-init 20000 21000)
(define (cell value next)
  (do
    (define p (fl-alloc 2))
    (mem-write p value)
    (mem-write (+ p 1) next)
    p))
(define lst 0)
(for (i 1 101) (set lst (cell i lst)))
(print lst)                         ; 20398
(fl-print-stats)                    ; 600 1 600
(define (sum p)
  (do
    (define s 0)
    (while (!= p 0)
      (set s (+ s (mem-read p)))
      (set p (mem-read (+ p 1))))
    s))
(print (sum lst))                   ; 5050
(while (!= lst 0)
  (define next (mem-read (+ lst 1)))
  (fl-free lst)
  (set lst next))
(fl-print-stats)                    ; 1000 1 1000
(fl-free-blocks)                    ; 1
