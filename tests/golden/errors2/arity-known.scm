; Too few, too many, and too few for a procedure with a rest parameter: all found at compile time.
(define (area width height)
  (* width height))
(define (at-least-two a b . more)
  (list a b more))
(display (area 5))
(display (area 1 2 3))
(display (at-least-two 1))
