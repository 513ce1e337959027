; An uncaught raise of a non-condition prints the object with write.
(define (check x) (if (< x 0) (raise 'negative-input) x))
(display (check 4))
(newline)
(check -4)
