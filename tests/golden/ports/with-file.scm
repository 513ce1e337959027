; with-output-to-file and with-input-from-file rebind the current ports for
; the thunk only, and close the file after.
(display "before")
(newline)
(define r (with-output-to-file "wf.tmp"
            (lambda ()
              (display "line one")
              (newline)
              (write '(a "b" #\c))
              (newline)
              42)))
(display "after ")
(write r)
(newline)
(with-input-from-file "wf.tmp"
  (lambda ()
    (write (read-line))
    (write (read))
    (write (read-char))
    (write (read-char))
    (write (peek-char))))
(newline)
; nested: a string port inside the file's extent
(with-output-to-file "wf.tmp"
  (lambda ()
    (define s (open-output-string))
    (parameterize ((current-output-port s))
      (display "inner"))
    (display (string-append "outer+" (get-output-string s)))))
(display (with-input-from-file "wf.tmp" read-line))
(newline)
(delete-file "wf.tmp")
