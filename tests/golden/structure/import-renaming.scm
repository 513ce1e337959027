; prefix and rename give standard names other names, through only and except
; too (R7RS 5.2). Nothing is hidden: the original names stay usable.
(import (scheme base) (scheme write)
        (prefix (scheme char) c:)
        (rename (only (scheme base) car cdr) (car kar) (cdr kdr))
        (prefix (rename (scheme base) (list make-a-list)) my-)
        (srfi 1) (srfi 69))
(write (list (c:char-upcase #\a) (kar '(1 2)) (kdr '(1 2)) (my-make-a-list 1 2) (my-cons 3 4)))
(newline)
(write (list (car '(5)) (char-upcase #\b)))
(newline)
; a local binding of a new name shadows it as usual
(let ((kar 'local)) (write kar) (newline))
(define-syntax first-of (syntax-rules () ((_ l) (kar l))))
(write (first-of '(a b))) (newline)
