;;; stdin: ab λ
;;; stdin: xyz
; read-char and peek-char from standard input, explicit and implicit port.
(write (peek-char))
(write (read-char))
(write (read-char (current-input-port)))
(write (peek-char (current-input-port)))
(write (read-char))
(write (read-char))
(write (read-char))
(newline)
(write (read-string 2))
(write (read-line))
(write (read-char))
(write (peek-char))
(newline)
