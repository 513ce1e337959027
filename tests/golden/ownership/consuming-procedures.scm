; A procedure given an owned value consumes it on every path, or hands it
; on; a procedure that returns an owned value gives its caller one.
(define (release x)
  (display "released ")
  (display x)
  (newline)
  (consume x))
(define (release-if-even x)
  (if (even? x)
      (release x)
      (begin (display "odd, consuming") (newline) (consume x))))
(release (owned 1))
(release-if-even (owned 2))
(release-if-even (owned 3))

(define (open-thing name) (owned (string-append "<" name ">")))
(define (use-and-release thing)
  (display (string-length thing))
  (newline)
  (release thing))
(use-and-release (open-thing "abc"))

(define (release-both a b)
  (release a)
  (release b))
(let ((x (owned 'x)) (y (owned 'y)))
  (release-both x y))

(define (produce) (owned 'produced))
(call-with-values produce
  (lambda (v) (release v)))
