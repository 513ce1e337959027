; an index past the end is an error naming the procedure and the index
(define s "abc")
(display (string-ref s 2))
(newline)
(display (string-ref s 5))
