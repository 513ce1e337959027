; Exact numbers beyond the double range convert to infinities or zeros,
; and log and sqrt still work on them.
(define big (expt 10 400))
(display (exact->inexact big)) (newline)
(display (exact->inexact (- big))) (newline)
(display (exact->inexact (/ 1 big))) (newline)
(display (sqrt (* big 4))) (newline)
(display (sqrt (+ big 1))) (newline)
(display (log big)) (newline)
(display (* 1.5 big)) (newline)
(display (< 1e308 big)) (newline)
