; What write prints, read gives back (equal?), for every kind of datum;
; also through a file.
(define data
  (list 0 -1 12345678901234567890123 -1/3 2.5 -0.125 1e100 6.02e-23 +inf.0 -inf.0
        #t #f '() #\a #\space #\newline #\x0 #\x7f #\λ #\x1F600
        "" "plain" "tab\tnewline\nquote\"backslash\\" "λ and \x1F600;" "\x1;\x7f;"
        'sym '|with space| '|| 'UPPER '|#hash| '|1abc| '|.| 'x1
        '(1 (2 (3)) . 4) '#(1 #(2) "three") (bytevector 0 127 255)
        '(quote x) '(quasiquote (a (unquote b) (unquote-splicing c)))))
(define (roundtrip x)
  (let ((out (open-output-string)))
    (write x out)
    (read (open-input-string (get-output-string out)))))
(define (check x)
  (let ((y (roundtrip x)))
    (unless (equal? x y)
      (display "mismatch: ")
      (write x)
      (display " came back as ")
      (write y)
      (newline))))
(for-each check data)
(display "string round trips done")
(newline)
; the same through a file
(call-with-output-file "roundtrip.tmp"
  (lambda (port)
    (for-each (lambda (x) (write x port) (newline port)) data)))
(define back
  (call-with-input-file "roundtrip.tmp"
    (lambda (port)
      (let loop ((acc '()))
        (let ((x (read port)))
          (if (eof-object? x) (reverse acc) (loop (cons x acc))))))))
(write (equal? back data))
(write (length back))
(newline)
(delete-file "roundtrip.tmp")
; +nan.0 is not equal? to itself: check it apart
(write (nan? (roundtrip +nan.0)))
(newline)
