;; A shared value's destructor runs when the last binding that owns it
;; leaves its scope: at the end of each let, innermost binding first.
(define (noisy name)
  (lambda (v) (display "  destroy ") (display name) (newline)))

(let ((a (shared 1 (noisy "a"))))
  (display "in a\n")
  (let ((b (shared 2 (noisy "b")))
        (c (shared 3 (noisy "c"))))
    (display "in b and c\n"))
  (display "back in a\n"))
(display "after\n")

;; internal definitions are bindings too: released when the body returns
(define (work)
  (define tmp (shared 'tmp (noisy "tmp")))
  (display "working\n")
  'done)
(display (work))
(newline)

;; a value bound twice dies with its last binding
(let ((x (shared 'x (noisy "x"))))
  (let ((y x))
    (display "two bindings\n"))
  (display "one binding\n"))
(display "end\n")
