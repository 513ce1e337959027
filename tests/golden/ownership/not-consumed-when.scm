; when and unless have an implicit branch: the note says which case.
(define (maybe-close f verbose)
  (when verbose
    (display "closing")
    (close f)))
(maybe-close (owned "port") #t)
