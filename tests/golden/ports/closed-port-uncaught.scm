; Writing to a closed port, uncaught.
(define p (open-output-string))
(write 'ok p)
(close-output-port p)
(write 'again p)
