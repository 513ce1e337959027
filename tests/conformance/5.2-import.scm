;;; R7RS 5.2 Import declarations: import sets only, except, prefix, rename.
(import (scheme base) (scheme write)
        (prefix (scheme char) c:)
        (rename (only (scheme base) car cdr) (car kar) (cdr kdr))
        (except (scheme cxr) caddr)
        (only (scheme inexact) sqrt))

(check "5.2 prefix" (lambda () (c:char-upcase #\a)) #\A)
(check "5.2 prefix of a predicate" (lambda () (c:char-alphabetic? #\z)) #t)
(check "5.2 rename" (lambda () (kar '(1 2))) 1)
(check "5.2 rename second" (lambda () (kdr '(1 2))) '(2))
(check "5.2 except keeps the rest" (lambda () (cadddr '(1 2 3 4))) 4)
(check "5.2 only" (lambda () (sqrt 16)) 4)
