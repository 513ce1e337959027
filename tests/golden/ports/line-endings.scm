; read-line: a line ends with a linefeed, a carriage return, or both (R7RS
; 6.13.2), also when the two straddle a refill of a file port's buffer.
(define (lines port)
  (let loop ((acc '()))
    (let ((line (read-line port)))
      (if (eof-object? line) (reverse acc) (loop (cons line acc))))))
(write (lines (open-input-string "a\nb\r\nc\rd\r\re\n\nf")))
(newline)
(write (lines (open-input-string "\r\n\r\n")))
(newline)
; after a line that ended with a carriage return, read-char does not see the
; linefeed of the same line ending
(define p (open-input-string "x\r\ny"))
(write (read-line p))
(write (read-char p))
(newline)
; a file whose first CR LF straddles the 4096-byte buffer
(call-with-output-file "endings.tmp"
  (lambda (out)
    (write-string (make-string 4095 #\a) out)
    (write-string "\r\nnext\rlast\r" out)))
(call-with-input-file "endings.tmp"
  (lambda (in)
    (write (string-length (read-line in)))
    (write (read-line in))
    (write (read-line in))
    (write (read-line in))))
(newline)
(call-with-input-file "endings.tmp"
  (lambda (in)
    (read-line in)
    (write (read-char in))))
(newline)
(delete-file "endings.tmp")
