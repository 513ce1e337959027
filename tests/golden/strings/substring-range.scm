; end before start is out of range
(write (substring "hello" 1 3))
(newline)
(write (substring "hello" 3 2))
