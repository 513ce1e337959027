; log of a negative number would be complex.
(display (log 1.0)) (newline)
(display (log -1)) (newline)
