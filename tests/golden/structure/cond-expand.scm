; cond-expand picks the first clause whose feature requirement holds: at
; the top level and in bodies its forms splice in, elsewhere it is an
; expression.
(import (scheme base) (scheme write))
(cond-expand
  (no-such-feature (define impl 'wrong))
  ((and r7rs (not no-such-feature)) (define impl 'r7rs))
  (else (define impl 'else)))
(write impl) (newline)
(cond-expand ((library (scheme base)) (display "has (scheme base)") (newline)))
(cond-expand ((library (scheme no-such-library)) (display "wrong") (newline))
             (else (display "no (scheme no-such-library)") (newline)))
(cond-expand ((or no-such-feature full-unicode) (display "full-unicode") (newline)))
(cond-expand ((and) (display "(and) holds") (newline)))
(cond-expand ((or) (display "wrong")) (else (display "(or) does not hold") (newline)))
(cond-expand (no-such-feature (display "wrong")))  ; unspecified in R7RS: eshkol splices nothing
(define (f)
  (cond-expand (exact-closed (define x 1) (define y 2)) (else (define x 0) (define y 0)))
  (+ x y))
(write (f)) (newline)
(write (list (cond-expand (ratios (/ 1 3)) (else 'no-ratios))
             (cond-expand ((and ieee-float (not no-such-feature)) 'ieee-float) (else 'no)))) (newline)
