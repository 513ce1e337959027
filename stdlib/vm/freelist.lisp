;;; stdlib/vm/freelist.lisp - a free-list allocator for the 64K-word machine.
;;;
;;;   (include "freelist.lisp")        ; path relative to the including file
;;;   (fl-init 20000 30000)            ; manage the words [20000, 30000)
;;;   (define p (fl-alloc 10))         ; 10 words at p .. p+9, or 0
;;;   (fl-free p)                      ; 0, or -1 if p is not a block in use
;;;
;;; Every block starts with a two-word header; sizes count the header:
;;;
;;;   in use:  +------+---------+------------------+
;;;            | size | FL_USED | data ...         |
;;;            +------+---------+------------------+
;;;            ^ block          ^ block + 2: what fl-alloc returns
;;;
;;;   free:    +------+---------+------------------+
;;;            | size | next    | (unused)         |
;;;            +------+---------+------------------+
;;;
;;; Free blocks form one list in address order (next = 0 ends it), so
;;; freeing finds a block's neighbours on the way and merges with those it
;;; touches: two free blocks are never adjacent. A request for n words needs
;;; a block of n + 2; a bigger block is split when the rest would make a
;;; block of at least FL_MIN_BLOCK words, else the whole block is handed out.
;;;
;;; Policies: first fit (the lowest-addressed block that is big enough; the
;;; default) and best fit (the smallest block that is big enough, the lowest
;;; of equals). Statistics: free words, free blocks, the largest free block
;;; (all in words, headers included: the largest request that can succeed
;;; is (- (fl-largest-free) FL_HEADER)).

(define FL_HEADER 2)       ; header words before each block's data
(define FL_USED -1)        ; second header word of a block in use
(define FL_MIN_BLOCK 3)    ; smaller remainders stay in the allocated block
(define FL_FIRST_FIT 0)
(define FL_BEST_FIT 1)

(define fl-policy 0)       ; FL_FIRST_FIT or FL_BEST_FIT, for fl-alloc
(define fl-head 0)         ; the lowest free block, 0 when there is none
(define fl-start 0)        ; the managed words: [fl-start, fl-end)
(define fl-end 0)
(define fl-prev 0)         ; set by the fl-find-*: the free block before the
                           ; one found, 0 when it is the head

(defmicro (fl-size b) (mem-read b))
(defmicro (fl-next b) (mem-read (+ b 1)))
(defmicro (fl-set-size b n) (mem-write b n))
(defmicro (fl-set-next b n) (mem-write (+ b 1) n))

;; Makes [start, end) one free block; returns its size.
(define (fl-init start end)
  (do
    (set fl-start start)
    (set fl-end end)
    (fl-set-size start (- end start))
    (fl-set-next start 0)
    (set fl-head start)
    (- end start)))

(define (fl-set-policy policy)
  (set fl-policy policy))

;; The first free block of at least `need` words, or 0.
(define (fl-find-first need)
  (do
    (define prev 0)
    (define cur fl-head)
    (while (and (!= cur 0) (< (fl-size cur) need))
      (set prev cur)
      (set cur (fl-next cur)))
    (set fl-prev prev)
    cur))

;; The smallest free block of at least `need` words (the first of equals),
;; or 0. An exact fit ends the search.
(define (fl-find-best need)
  (do
    (define prev 0)
    (define cur fl-head)
    (define best 0)
    (define best-size 0)
    (while (and (!= cur 0) (!= best-size need))
      (define size (fl-size cur))
      (if (and (>= size need) (or (= best 0) (< size best-size)))
          (do
            (set best cur)
            (set best-size size)
            (set fl-prev prev)))
      (set prev cur)
      (set cur (fl-next cur)))
    best))

;; Hands out `need` words of free block b (whose list predecessor is prev),
;; splitting off the rest as a free block when it is big enough. Returns the
;; data address.
(define (fl-take b prev need)
  (do
    (define rest (- (fl-size b) need))
    (define next (fl-next b))
    (if (>= rest FL_MIN_BLOCK)
        (do
          (define r (+ b need))
          (fl-set-size r rest)
          (fl-set-next r next)
          (fl-set-size b need)
          (set next r)))
    (if (= prev 0)
        (set fl-head next)
        (fl-set-next prev next))
    (fl-set-next b FL_USED)
    (+ b FL_HEADER)))

;; n words with the given policy: their address, or 0 when no free block
;; is big enough (or n < 1).
(define (fl-alloc-with policy n)
  (if (< n 1)
      0
      (do
        (define need (+ n FL_HEADER))
        (define b (if (= policy FL_BEST_FIT) (fl-find-best need) (fl-find-first need)))
        (if (= b 0) 0 (fl-take b fl-prev need)))))

(define (fl-alloc n) (fl-alloc-with fl-policy n))
(define (fl-alloc-first n) (fl-alloc-with FL_FIRST_FIT n))
(define (fl-alloc-best n) (fl-alloc-with FL_BEST_FIT n))

;; Merges free block b with the next one on the list if they touch; 1 if
;; it did.
(define (fl-merge-next b)
  (do
    (define next (fl-next b))
    (if (and (!= next 0) (= (+ b (fl-size b)) next))
        (do
          (fl-set-size b (+ (fl-size b) (fl-size next)))
          (fl-set-next b (fl-next next))
          1)
        0)))

;; Frees the block whose data starts at p: links it in address order and
;; merges it with the free neighbours it touches. 0, or -1 when p is not
;; the address of a block in use (a double free, say).
(define (fl-free p)
  (do
    (define b (- p FL_HEADER))
    (if (or (< b fl-start) (> (+ b FL_HEADER) fl-end) (!= (fl-next b) FL_USED))
        -1
        (do
          (define prev 0)
          (define next fl-head)
          (while (and (!= next 0) (< next b))
            (set prev next)
            (set next (fl-next next)))
          (fl-set-next b next)
          (if (= prev 0)
              (set fl-head b)
              (fl-set-next prev b))
          (fl-merge-next b)
          (if (!= prev 0) (fl-merge-next prev))
          0))))

;; The size of the block in use at p, header included.
(define (fl-block-size p) (fl-size (- p FL_HEADER)))

;; ---- statistics

(define (fl-free-words)
  (do
    (define total 0)
    (define b fl-head)
    (while (!= b 0)
      (set total (+ total (fl-size b)))
      (set b (fl-next b)))
    total))

(define (fl-free-blocks)
  (do
    (define count 0)
    (define b fl-head)
    (while (!= b 0)
      (set count (+ count 1))
      (set b (fl-next b)))
    count))

(define (fl-largest-free)
  (do
    (define largest 0)
    (define b fl-head)
    (while (!= b 0)
      (if (> (fl-size b) largest) (set largest (fl-size b)))
      (set b (fl-next b)))
    largest))

;; Prints free words, free blocks and the largest free block; 0.
(define (fl-print-stats)
  (do
    (print (fl-free-words))
    (print (fl-free-blocks))
    (print (fl-largest-free))
    0))
