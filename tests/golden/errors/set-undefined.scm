; set! needs a variable that exists.
(define total 0)
(set! totl (+ total 1))
