; When no guard clause matches, the object is raised again to the outer handler, which sees the same object.
(define obj (list 'payload))
(define seen
  (guard (outer (#t (list 'outer-saw outer)))
    (guard (inner ((string? inner) 'inner-caught-string))
      (raise obj))))
(write seen) (newline)
(write (eq? (cadr seen) obj)) (newline)
(write (guard (outer ((symbol? outer) (list 'outer outer)))
         (guard (inner ((number? inner) (list 'inner inner)))
           (raise 'not-a-number))))
(newline)
(write (guard (outer ((symbol? outer) (list 'outer outer)))
         (guard (inner ((number? inner) (list 'inner inner)))
           (raise 7))))
(newline)
; an outer with-exception-handler sees the re-raised object too
(write (call/cc
         (lambda (k)
           (with-exception-handler
             (lambda (e) (k (list 'handler-saw e)))
             (lambda ()
               (guard (e ((number? e) 'number))
                 (raise 'through)))))))
(newline)
; an error object passes through several guards unchanged
(write (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
         (guard (e ((string? e) 'a))
           (guard (e ((symbol? e) 'b))
             (error "deep" 1 2)))))
(newline)
