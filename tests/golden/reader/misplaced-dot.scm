; Dots in the wrong places.
( . a)
(a . b c)
(a .)
(display . )
'(1 . 2 . 3)
. x
