; char-alphabetic? char-numeric? char-whitespace? char-upper-case?
; char-lower-case? over ASCII and beyond. R7RS defines them by Unicode
; properties (Alphabetic, Numeric_Type=Decimal, White_Space, Uppercase,
; Lowercase): Roman numeral one (U+2160) is alphabetic and uppercase, the
; mathematical bold A (U+1D400) uppercase, titlecase Dz (U+01C5) neither.
; (Guile answers by general category and disagrees on those three.)
(define (classes c)
  (list c (char-alphabetic? c) (char-numeric? c) (char-whitespace? c)
        (char-upper-case? c) (char-lower-case? c)))
(define (show-all cs)
  (if (pair? cs) (begin (write (classes (car cs))) (newline) (show-all (cdr cs)))))
(show-all (list #\a #\Z #\5 #\space #\newline #\tab #\! #\_
                #\é #\Ω #\λ #\中 #\٣ #\x3000 #\xA0 #\x2028
                #\x2160 #\x2170 #\x1D400 #\x1C5 #\x2D #\x1F600))
