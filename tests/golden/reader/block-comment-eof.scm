; A block comment that is never closed.
(display 1)
#| start
   #| nested |#
   still inside
