; char-upcase of a string
(char-upcase "a")
