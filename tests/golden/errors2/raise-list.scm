; An uncaught raise of a list with strings and chars: written, not displayed.
(display "start")
(newline)
(raise (list 1 "two" #\3 'four 5.5))
