;; A name nothing defines is a compile-time error; every one is reported.
(define (area r)
  (* pi r r))
(print (area 2))
(print radius)
