; An error raised inside a guard clause is not caught by that guard.
(define (parse s)
  (guard (e ((symbol? e) (error "parse failed on" s e)))
    (if (string? s) (string-length s) (raise 'not-a-string))))
(display (parse "abc"))
(newline)
(display (parse 12))
