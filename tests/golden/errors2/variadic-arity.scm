; A procedure with a rest parameter still needs its required arguments.
(define (tagged tag first . rest) (cons tag (cons first rest)))
(define (call-with-one f) (f 'only))
(write (tagged 'a 1 2 3))
(newline)
(write (call-with-one tagged))
