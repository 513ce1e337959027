;;; stdin: first line
;;; stdin:   indented, with  spaces  .
;;; stdin: 
;;; stdin: λ unicode ünïcödé
;;; stdin: last
; read-line from standard input until the end.
(let loop ((n 1))
  (let ((line (read-line)))
    (unless (eof-object? line)
      (display n)
      (display ": ")
      (write line)
      (newline)
      (loop (+ n 1)))))
(write (read-line))
(write (read-char))
(write (char-ready?))
(newline)
