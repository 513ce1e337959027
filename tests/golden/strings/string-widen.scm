; string-set! of a character above U+00FF widens the string's storage in
; place: the same string object, now holding wide characters.
(define s (make-string 4 #\-))
(define same s)
(string-set! s 0 #\é)          ; still one byte per character
(string-set! s 1 #\λ)          ; widens
(string-set! s 2 #\𝄞)
(write s) (newline)
(write (eq? s same)) (newline)
(write same) (newline)
(display (string-length s)) (newline)
(string-set! s 1 #\a)          ; narrow characters are fine in wide storage
(write s) (newline)
(string-fill! s #\λ 3)
(write s) (newline)
(string-fill! s #\z)
(write s) (newline)
(define t (string-copy "abc"))
(string-copy! t 1 "λμν" 1)
(write t) (newline)
(write (string-append "x" s "y")) (newline)
