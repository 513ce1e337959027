; a circular list is not a proper list: an error, not an endless loop
(define l (list #\a #\b))
(set-cdr! (cdr l) l)
(list->string l)
