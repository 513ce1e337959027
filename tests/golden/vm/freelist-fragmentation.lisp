;; Fragmentation, and coalescing undoing it.
;; By hand, over [20000, 20100): ten 8-word requests take 10 words each
;; and fill the heap exactly (blocks 20000, 20010, ..., 20090; the last
;; returns 20092); then nothing more fits.
;;   free the even blocks (20000, 20020, 20040, 20060, 20080): five free
;;     blocks of 10 with a block in use between each two: 50 5 10. Half the
;;     heap is free, yet 9 words (needing 11) cannot be had.
;;   8 words (needing 10) take 20000 again: 20002
;;   free the odd blocks (20010 ... 20090): each touches its free
;;     neighbours, and all of 20010 .. 20099 becomes one block: 90 1 90
;;   free 20002: one block of 100: 100 1 100
(include "../../../stdlib/vm/freelist.lisp")
(fl-init 20000 20100)
(define first (fl-alloc 8))
(for (i 1 10) (define last (fl-alloc 8)))
(print first)                           ; 20002
(print last)                            ; 20092
(print (fl-alloc 1))                    ; 0
(for (i 0 5) (fl-free (+ first (* i 20))))
(fl-print-stats)                        ; 50 5 10
(print (fl-alloc 9))                    ; 0
(print (fl-alloc 8))                    ; 20002
(for (i 0 5) (fl-free (+ first 10 (* i 20))))
(fl-print-stats)                        ; 90 1 90
(print (fl-free first))                 ; 0
(fl-print-stats)                        ; 100 1 100
(fl-alloc 98)                           ; 20002
