; The string never ends: the error points at its opening quote.
(display "hello)
(newline)
