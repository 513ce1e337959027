; An error with a message only; output written before it is flushed first.
(display "partial line")
(error "Something failed")
