; Every reader error of a file is reported, not only the first.
(define (f x)
  (g x #\bogus 1.2.3))
(display "ok\z")
(display 'fine)
]
#!fold-cases
(display |never closed
