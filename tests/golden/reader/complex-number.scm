; Complex numbers are valid R7RS syntax, but not supported.
(display 1+2i)
