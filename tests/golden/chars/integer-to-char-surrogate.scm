; surrogates are not characters
(write (char->integer (integer->char #xD7FF)))
(newline)
(integer->char #xD800)
