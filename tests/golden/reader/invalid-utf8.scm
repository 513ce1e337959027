; Source files are UTF-8.
(define cafÿ 1)
(display "Ã(")
