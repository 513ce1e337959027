; A procedure defined as (define name (lambda ...)) and never assigned is known as well.
(define square (lambda (x) (* x x)))
(define (use) (square 3 4))
(display (use))
