; An uncaught error prints its message, then each irritant written and separated by spaces.
(define (validate record)
  (if (not (string? (car record)))
      (error "validate: bad name field:" (car record) "in" record 'record #\c 2.5)
      'ok))
(display (validate '("ann" 30)))
(newline)
(validate '(42 30))
