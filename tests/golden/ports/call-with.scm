; call-with-port, call-with-output-file, call-with-input-file: the port is
; closed when the procedure returns, and its values come back.
(define kept #f)
(define result
  (call-with-output-file "cw.tmp"
    (lambda (port)
      (set! kept port)
      (write '(1 2 3) port)
      'written)))
(write result)
(write (output-port-open? kept))
(newline)
(call-with-values
    (lambda ()
      (call-with-input-file "cw.tmp"
        (lambda (port)
          (set! kept port)
          (values (read port) (read port)))))
  (lambda (a b)
    (write a)
    (write (eof-object? b))))
(write (input-port-open? kept))
(newline)
(define sp (open-input-string "x y"))
(write (call-with-port sp read))
(write (input-port-open? sp))
(newline)
(delete-file "cw.tmp")
