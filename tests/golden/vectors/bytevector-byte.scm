; a byte is an exact integer from 0 to 255
(write (bytevector 0 255))
(newline)
(bytevector 1 256)
