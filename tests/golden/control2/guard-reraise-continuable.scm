; A guard with no matching clause re-raises with raise-continuable in the dynamic environment of the original
; raise-continuable (R7RS 4.2.7), so the outer handler's value returns to that raise-continuable.
(display
  (with-exception-handler
    (lambda (e) 10)
    (lambda ()
      (+ 1 (guard (e ((string? e) 'string))
             (+ 100 (raise-continuable 'not-a-string)))))))
(newline)
(display
  (with-exception-handler
    (lambda (e) (* e 2))
    (lambda ()
      (guard (e ((symbol? e) 'symbol))
        (list 'got (raise-continuable 21))))))
(newline)
