; exit takes an integer or a boolean; anything else is an error (status 1).
(display "bye")
(newline)
(exit 'later)
