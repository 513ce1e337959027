; Bytevector elements are exact integers from 0 to 255.
(define b #u8(1 2 256 x -1))
