;; A destructor is a procedure of one argument.
(define ok (shared 1 car))
(display "one-argument built-in: fine\n")
(shared 2 cons)
