; The first program.
(display "Hello, world!")
(newline)
