; Malformed let, let*, letrec and named let forms are reported at the offending binding or form.
(let ((x 1) y) x)
(let ((x 1)))
(let* ((a 1) (b)) b)
(letrec ((f 1 2)) f)
(let loop ((i 0)))
(let ((1 2)) 3)
