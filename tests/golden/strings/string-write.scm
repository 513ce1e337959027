; write escapes strings as R7RS reads them back: \" \\ \n \t \r \a \b, other
; control characters as \x<hex>; ; display writes the characters raw
(write "quote \" backslash \\ end") (newline)
(write "line1\nline2") (newline)
(write "tab\there") (newline)
(write "cr\r alarm\a backspace\b") (newline)
(write (string (integer->char 1) (integer->char 31) (integer->char 127))) (newline)
(write (string (integer->char 27) #\x0)) (newline)
(write (string (integer->char #x85) (integer->char #xA0) #\λ)) (newline) ; U+00A0 prints as itself
(write "\x41;\x3bb;") (newline)
(write "a\
        b") (newline)
(display "tab\there") (newline)
(display "quote \" backslash \\") (newline)
(write (list "a" #\a 'a "b\nc")) (newline)
(write '#("x" "y\"z")) (newline)
