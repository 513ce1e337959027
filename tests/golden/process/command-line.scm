;;; args: alpha "beta gamma" 42 ""
; command-line: the program's name, then its arguments, all strings.
(define args (command-line))
(display (length args)) (newline)
(display (string? (car args))) (newline)
(write (cdr args)) (newline)
(display (apply + (map string-length (cdr args)))) (newline)
