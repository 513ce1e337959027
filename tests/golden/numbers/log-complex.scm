; log of a negative number is complex: log |x| + pi i.
(display (log 1.0)) (newline)
(display (log -1)) (newline)
(display (log -1.0)) (newline)
