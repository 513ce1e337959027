(define cycle-a 1)
(include "cycle-b.ss")
