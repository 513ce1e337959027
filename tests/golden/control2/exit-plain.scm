; (exit) ends the program with status 0; output written before it is not lost, nothing after it runs.
(display "before exit")
(newline)
(display "unterminated line")
(exit)
(display "after exit")
(newline)
