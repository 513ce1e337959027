; code points stop at #x10FFFF
(integer->char #x110000)
