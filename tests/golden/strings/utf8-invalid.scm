; ill-formed UTF-8 is an error, reported at the offending byte
(write (utf8->string (bytevector 104 105)))
(newline)
(write (utf8->string (bytevector 97 98 #xED #xA0 #x80)))
