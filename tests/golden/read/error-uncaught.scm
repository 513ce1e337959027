; An uncaught read error prints like any error, with its location.
(display "before")
(newline)
(write (read (open-input-string "(a b")))
