; string-set! wants a character
(define s (make-string 2 #\a))
(string-set! s 0 65)
