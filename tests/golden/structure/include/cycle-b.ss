(define cycle-b 2)
(include "cycle-a.ss")
