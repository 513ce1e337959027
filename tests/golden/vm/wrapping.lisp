;; Arithmetic wraps at 64 bits (two's complement), in every C compiler
;; configuration, with no undefined behaviour in the simulator (the
;; sanitizer build checks that).
(define max 9223372036854775807)      ; 2^63 - 1
(define min -9223372036854775808)     ; -2^63
(print max)
(print min)
(print (+ max 1))                     ; 2^63 wraps to -2^63
(print (- min 1))                     ; -2^63 - 1 wraps to 2^63 - 1
(print (+ max max))                   ; 2^64 - 2 wraps to -2
(print (* max 2))                     ; the same: -2
(print (- min))                       ; -(-2^63) = 2^63 wraps to -2^63
(print (/ min -1))                    ; likewise 2^63: -2^63
(print (% min -1))                    ; 0
(print (* 4294967296 4294967296))     ; 2^32 * 2^32 = 2^64: 0
(print (* 3037000500 3037000500))     ; 9223372037000250000 - 2^64
(+ min max)                           ; -1
