; Referring to a name nothing defines is a compile-time error; every one is reported.
(define (area r)
  (* pi r r))
(display (area 2))
(displya "x")
