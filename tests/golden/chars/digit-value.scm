; digit-value: the value of any Unicode decimal digit, #f for the rest
(define (show . xs) (write xs) (newline))
(show (digit-value #\0) (digit-value #\7) (digit-value #\9))
(show (digit-value #\a) (digit-value #\space) (digit-value #\x))
(show (digit-value #\x663) (digit-value #\x0AE6) (digit-value #\xFF19) (digit-value #\x1D7D9))
(show (digit-value #\x00BD) (digit-value #\x2163) (digit-value #\x00B2))
(show (char-numeric? #\x00BD) (char-numeric? #\x0F29))
(define (parse s)
  (let loop ((i 0) (n 0))
    (if (= i (string-length s)) n
        (loop (+ i 1) (+ (* n 10) (digit-value (string-ref s i)))))))
(show (parse "2024") (parse "١٢٣") (parse "४२"))
