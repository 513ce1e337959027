;; weak-ref needs a shared value; shared-value too.
(display (guard (e ((error-object? e) (error-object-message e)))
  (shared-value (vector 1))))
(newline)
(weak-ref (vector 1 2))
