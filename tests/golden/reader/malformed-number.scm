; Text that starts like a number must be one.
(define x 12abc)
(define y #xfg)
(define z 1/0)
