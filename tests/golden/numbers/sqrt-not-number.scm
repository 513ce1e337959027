; Type errors in (scheme inexact) procedures.
(display (sqrt 'nine)) (newline)
