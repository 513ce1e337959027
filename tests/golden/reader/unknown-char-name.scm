; Character names are the nine of R7RS, spelled exactly.
(display #\lamda)
(display #\Space)
