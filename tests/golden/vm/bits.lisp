;; Bit operations. Shift counts are taken modulo 64; shift-right copies
;; the sign bit (an arithmetic shift).
(print (bit-and 12 10))        ; 1100 & 1010 = 1000: 8
(print (bit-or 12 10))         ; 1110: 14
(print (bit-xor 12 10))        ; 0110: 6
(print (bit-and 255 15 6))     ; 15 & 6 = 6
(print (bit-or 1 2 4 8))       ; 15
(print (bit-not 0))            ; -1
(print (bit-not 5))            ; -6
(print (bit-and -1 255))       ; 255
(print (shift-left 1 10))      ; 1024
(print (shift-left 1 63))      ; the sign bit: -9223372036854775808
(print (shift-left 1 64))      ; 64 mod 64 = 0: 1
(print (shift-left 3 65))      ; 65 mod 64 = 1: 6
(print (shift-left -1 4))      ; -16
(print (shift-right 1024 3))   ; 128
(print (shift-right -16 2))    ; -4
(print (shift-right -1 63))    ; -1
(print (shift-right 9223372036854775807 62))   ; 1
(print (shift-right 5 -1))     ; -1 mod 64 = 63: 0
(bit-xor 255 (shift-left 15 4)) ; 11111111 ^ 11110000 = 1111: 15
