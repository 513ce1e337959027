; String input ports: read-char, peek-char, read-line, read-string, char-ready?.
(define p (open-input-string "ab\ncd\r\nλ\n\nlast"))
(write (peek-char p))
(write (read-char p))
(write (peek-char p))
(write (read-char p))
(newline)
(write (read-line p))   ; the rest of the first line: ""
(write (read-line p))   ; "cd": a \r before the newline goes too
(write (read-line p))   ; "λ"
(write (read-line p))   ; ""
(write (char-ready? p))
(write (read-line p))   ; "last": no newline at the end
(write (read-line p))   ; eof
(write (read-char p))
(write (peek-char p))
(write (char-ready? p))
(newline)
(define q (open-input-string "hello, world"))
(write (read-string 5 q))
(write (read-string 0 q))
(write (read-char q))
(write (read-string 100 q))
(write (read-string 3 q))
(newline)
; eof-object
(write (eof-object? (eof-object)))
(write (eof-object? (read-char (open-input-string ""))))
(write (eof-object? #f))
(newline)
