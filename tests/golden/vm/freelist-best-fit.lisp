;; First fit against best fit, on one fragmented heap.
;; By hand, over [20000, 20200): holes of 30, 15 and 20 words, kept apart
;; by 3-word spacers that stay in use:
;;   h1 28 -> block 20000 (30)   s1 1 -> 20030 (3)
;;   h2 13 -> block 20033 (15)   s2 1 -> 20048 (3)
;;   h3 18 -> block 20051 (20)   s3 1 -> 20071 (3)
;;   the rest: 20074 (126)
;; Freeing h1 h2 h3 gives the list 20000 (30), 20033 (15), 20051 (20),
;; 20074 (126): 191 words, 4 blocks, largest 126.
;;   first fit, 12 (needs 14): 20000 (30), split: 20002; the rest 20014 (16).
;;     Freed again it merges with 20014: the same four blocks.
;;   best fit, 12 (needs 14): the smallest that fits is 20033 (15); the
;;     rest (1) is too small to split: 20035. Left: 176, 3, 126
;;   best fit, 18 (needs 20): 20051 (20) fits exactly: 20053. 156 2 126
;;   best fit, 27 (needs 29): 20000 (30), no split: 20002. 126 1 126
;; Freeing those three restores the four blocks. fl-alloc follows the
;; policy: best fit for 16 (needs 18) takes 20051 (20) whole: 20053; first
;; fit takes 20000 (30) and splits it: 20002, leaving 20018 (12).
;; Left: 20018 (12), 20033 (15), 20074 (126): 153 words.
(include "../../../stdlib/vm/freelist.lisp")
(fl-init 20000 20200)
(define h1 (fl-alloc 28))
(define s1 (fl-alloc 1))
(define h2 (fl-alloc 13))
(define s2 (fl-alloc 1))
(define h3 (fl-alloc 18))
(define s3 (fl-alloc 1))
(fl-free h1)
(fl-free h2)
(fl-free h3)
(fl-print-stats)                        ; 191 4 126
(define f (print (fl-alloc-first 12)))  ; 20002
(fl-free f)
(fl-print-stats)                        ; 191 4 126
(define g (print (fl-alloc-best 12)))   ; 20035
(fl-print-stats)                        ; 176 3 126
(define k (print (fl-alloc-best 18)))   ; 20053
(fl-print-stats)                        ; 156 2 126
(define m (print (fl-alloc-best 27)))   ; 20002
(fl-print-stats)                        ; 126 1 126
(fl-free g)
(fl-free k)
(fl-free m)
(fl-print-stats)                        ; 191 4 126
(fl-set-policy FL_BEST_FIT)
(print (fl-alloc 16))                   ; 20053
(fl-set-policy FL_FIRST_FIT)
(print (fl-alloc 16))                   ; 20002
(fl-print-stats)                        ; 153 3 126
(fl-free-words)                         ; 153
