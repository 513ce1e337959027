;; read-line ends a line at a linefeed, a carriage return, or both (R7RS 6.13.2).
(define (lines s) (let ((p (open-input-string s))) (let loop ((acc '())) (let ((l (read-line p))) (if (eof-object? l) (reverse acc) (loop (cons l acc)))))))
(write (lines "a\nb\rc\r\nd")) (newline)
(write (lines "x\r")) (newline)
(write (lines "\r\n\r\n")) (newline)
(write (lines "")) (newline)
(write (lines "one")) (newline)
