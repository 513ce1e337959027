; A quote needs something to quote.
(display ')
(display '
