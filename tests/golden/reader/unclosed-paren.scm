; An opening paren that is never closed is reported where it opens.
(define (square x)
  (* x x)
