;; A shared value stored into a container (pair, vector, record) is held by
;; the container's region. The root region lets go at exit, after the
;; globals (released in reverse definition order), newest hold first.
(define (noisy name)
  (lambda (v) (display "  destroy ") (display name) (newline)))
(define-record-type box (make-box item) box? (item box-item set-box-item!))

(define held (list (shared 'in-list (noisy "in-list"))))
(define vec (make-vector 2 #f))
(vector-set! vec 0 (shared 'in-vector (noisy "in-vector")))
(define rec (make-box (shared 'in-record (noisy "in-record"))))
(define g1 (shared 'global-1 (noisy "global-1")))
(define g2 (shared 'global-2 (noisy "global-2")))

;; a region holds one reference, however many of its containers hold the value
(define s (shared 'everywhere (noisy "everywhere")))
(display (ref-count s))
(newline)
(define many (list s s s))
(vector-set! vec 1 s)
(display (ref-count s))
(newline)
(display (shared-value (car held)))
(newline)
(display (shared-value (box-item rec)))
(newline)
(display "end of program\n")
