; A built-in called through a variable reports its error at that call: symbol->string of a string.
(define to-string symbol->string)
(write (to-string 'a))
(newline)
(write (to-string "d"))
