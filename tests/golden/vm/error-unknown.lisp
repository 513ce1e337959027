;; Unknown procedures, calling a variable, and values the machine does
;; not have (strings, non-integers, integers wider than a word).
(frobnicate 1 2)
(define x 1)
(x 2)
(print "hello")
(print 1.5)
(print 18446744073709551616)
((+ 1 2) 3)
