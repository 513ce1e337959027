;; Shared values and regions: a shared value made inside a region outlives
;; it (what it holds is promoted out of the region); a region holds one
;; reference to each shared value its containers hold, and lets go when the
;; region is freed.
(define (noisy name)
  (lambda (v) (display "  destroy ") (display name) (display " ") (display v) (newline)))
(define (pair-of x) (list x x))   ; its list is returned: made in the current region

(define kept (with-region (shared (list 1 2 3) (noisy "kept"))))
(display (shared-value kept))
(newline)

(define survivor (shared 'survivor (noisy "survivor")))
(with-region
 (let ((l (pair-of survivor)))
   (display (ref-count survivor))   ; the global and the region
   (newline)))
(display (ref-count survivor))      ; the region let go
(newline)

;; only the region holds it: it dies when the region is freed
(with-region
 (let ((l (pair-of (shared 'temporary (noisy "region-held")))))
   (display "in the region\n")))
(display "after the region\n")

;; leaving a region by an escape frees it too
(guard (e (#t (display "caught\n")))
  (with-region
   (let ((l (pair-of (shared 'escaping (noisy "region-held")))))
     (raise 'out))))
(display "end\n")
