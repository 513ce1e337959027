; string-upcase / string-downcase / string-foldcase use Unicode's full case
; mappings (ß -> SS, ﬁ -> FI) and the final-sigma rule; char-upcase and
; friends use the simple one-character mappings.
(write (string-upcase "Hello, World!")) (newline)
(write (string-downcase "Hello, World!")) (newline)
(write (string-upcase "straße")) (newline)
(write (string-upcase "ﬁne")) (newline)
(write (string-foldcase "Straße")) (newline)
(write (string-downcase "ΧΑΟΣ")) (newline)
(write (string-downcase "ΧΑΟΣ ΣΑΣ.")) (newline)
(write (string-downcase "Σ")) (newline)
(write (string-upcase "λόγος")) (newline)
(write (string-downcase "ÀÉÎÕÜ")) (newline)
(write (string-upcase "𐐨𐐩")) (newline)
(write (string-length (string-upcase "ßßß"))) (newline)
(write (char-upcase #\ß)) (newline)
(write (string-foldcase "ΜΆΪΟΣ")) (newline)
