; Datum labels must be defined before use.
(display '#1#)
(display '(#2=(a) #2# #3#))
