; read: every kind of atom, written back.
(define (show text)
  (let ((p (open-input-string text)))
    (let loop ((x (read p)))
      (unless (eof-object? x)
        (write x)
        (display " ")
        (loop (read p)))))
  (newline))
; booleans
(show "#t #f #true #false #T #FALSE")
; integers, decimals, exponents, rationals, radixes, exactness
(show "0 -0 +17 -42 123456789012345678901234567890 -98765432109876543210")
(show "1.5 -.5 +.25 1. 1e3 1E-2 -2.5e+2 6.02e23 .5e1")
(show "1/2 -6/4 10/5 0/7")
(show "#x1F #XfF #b1011 #o777 #d99 #x-10 #b-101")
(show "#e1.5 #i3/4 #e1e3 #x#e10 #e#x10 #i10")
(show "+inf.0 -inf.0 +nan.0")
; characters
(show "#\\a #\\Z #\\( #\\) #\\; #\\\" #\\\\ #\\space #\\newline #\\tab #\\null")
(show "#\\alarm #\\backspace #\\delete #\\escape #\\return #\\x41 #\\x3bb #\\x #\\λ")
; strings with every escape
(show "\"plain\" \"\" \"tab\\there\" \"q\\\"uote\" \"back\\\\slash\" \"\\a\\b\\n\\r\"")
(show "\"hex \\x41;\\x3bb;\" \"bar\\|\" \"line \\\n     continued\" \"raw\nnewline\"")
(show "\"λ unicode\"")
; symbols, plain and barred
(show "abc ABC hello-world ->x <=? ! $ % & * / : < = > ? ^ _ ~ a.b a+ x@y")
(show "+ - ... +a -b +.x .. .a- λ")
(show "|a b| || |x\\|y| |\\x41;| |tab\\t| |A|")
