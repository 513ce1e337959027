;; Roots of a x^2 + b x + c with exact coefficients: exact complex roots
;; when the discriminant is a negative perfect square, inexact otherwise.
(define (roots a b c)
  (let ((d (sqrt (- (* b b) (* 4 a c)))))
    (list (/ (+ (- b) d) (* 2 a))
          (/ (- (- b) d) (* 2 a)))))
(define (check-root a b c x)
  (+ (* a x x) (* b x) c))
(for-each
 (lambda (coefficients)
   (let ((rs (apply roots coefficients)))
     (write coefficients)
     (display " -> ")
     (write rs)
     (display " residues ")
     (write (map (lambda (x) (apply check-root (append coefficients (list x)))) rs))
     (newline)))
 '((1 0 1) (1 2 5) (2 -2 5/2) (1 -3 2) (4 4 17) (1 0 -2) (1 1 1)))
