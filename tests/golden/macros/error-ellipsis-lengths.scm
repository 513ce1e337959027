; Variables repeated under one ellipsis must have matched the same number of items.
(define-syntax zip
  (syntax-rules ()
    ((_ (a ...) (b ...)) '((a b) ...))))
(display (zip (1 2) (3 4)))
(display (zip (1 2) (3)))
