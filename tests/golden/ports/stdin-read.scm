;;; stdin: (define x 42) "a string" #\a
;;; stdin: ; a comment
;;; stdin: #(1 2 3) 3.25 #|block|# sym
;;; stdin: (1 . 2)
; read every datum from standard input, then the eof object.
(let loop ((count 0))
  (let ((datum (read)))
    (if (eof-object? datum)
        (begin (display count) (display " data") (newline))
        (begin (write datum) (newline) (loop (+ count 1))))))
(write (read))
(newline)
