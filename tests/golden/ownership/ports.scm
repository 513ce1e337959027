; Owned ports: with-resource closes the port on every exit (normal, raise,
; a continuation escaping); an owned port read in a loop is closed when the
; loop ends; read-all and read-line borrow it.
(define (write-lines path lines)
  (with-resource (out (open-file path "w"))
    (for-each (lambda (line) (write-string line out) (newline out)) lines)))
(write-lines "lines.txt" '("alpha" "beta" "gamma"))

(define (count-lines path)
  (let ((in (owned (open-file path "r"))))
    (let loop ((n 0))
      (let ((line (read-line in)))
        (if (eof-object? line)
            (begin (close in) n)
            (loop (+ n 1)))))))
(display (count-lines "lines.txt"))
(newline)

(define (slurp path)
  (with-resource (in (open-file path "r"))
    (read-all in)))
(write (slurp "lines.txt"))
(newline)

; The port itself, kept while it was borrowed, shows whether it was closed.
(define raw #f)
(display (call/cc
  (lambda (k)
    (with-resource (in (open-file "lines.txt" "r"))
      (borrow in (set! raw in))
      (k (read-line in))))))
(newline)
(display (input-port-open? raw))
(newline)

(guard (e ((symbol? e) (display "caught ") (display e) (newline)))
  (with-resource (in (open-file "lines.txt" "r"))
    (borrow in (set! raw in))
    (read-line in)
    (raise 'oops)))
(display (input-port-open? raw))
(newline)

(let ((p (owned (open-file "lines.txt" "r"))))
  (borrow p (set! raw p))
  (display (read-line p))
  (newline)
  (consume p))  ; consuming an owned port closes it
(display (input-port-open? raw))
(newline)

(let ((p (owned (open-file "lines.txt" "r"))))
  (display (read-line p))
  (newline)
  (close-port p))  ; close-port consumes an owned port too
