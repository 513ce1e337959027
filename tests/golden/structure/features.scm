;; (features) and cond-expand agree: every listed feature holds, and a
;; feature that is not listed does not.
(import (scheme base) (scheme write) (srfi 1) (srfi 69))
(define (holds? f)
  (case f
    ((r7rs) (cond-expand (r7rs #t) (else #f)))
    ((exact-closed) (cond-expand (exact-closed #t) (else #f)))
    ((ratios) (cond-expand (ratios #t) (else #f)))
    ((full-unicode) (cond-expand (full-unicode #t) (else #f)))
    ((ieee-float) (cond-expand (ieee-float #t) (else #f)))
    ((posix) (cond-expand (posix #t) (else #f)))
    ((eshkol) (cond-expand (eshkol #t) (else #f)))
    (else 'not-a-feature-of-this-test)))
(write (features)) (newline)
(write (map holds? (features))) (newline)
(write (cond-expand (exact-complex 'yes) (else 'no))) (newline)
(write (memq 'exact-complex (features))) (newline)
(write (hash-table? (make-hash-table))) (newline)
(write (delete-duplicates '(1 2 1 3))) (newline)
