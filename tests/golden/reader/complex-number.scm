; Complex numbers in every R7RS syntax read as literals.
(for-each (lambda (z) (write z) (newline))
  '(1+2i -i +i 1/2+3/4i -2.5-0.5i +inf.0-inf.0i #x1+2i #e1.5+2.5i #i1+2i 1e2+1e1i 1+0i 3@0 +2i))
