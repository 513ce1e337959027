; string-append of a symbol
(string-append "a" 'b "c")
