; a length may not be negative
(make-vector -1 'x)
