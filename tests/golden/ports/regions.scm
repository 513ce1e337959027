; Ports and regions: a string port made outside a region keeps what was
; written to it inside (its buffer grows there); a port made inside and
; returned is promoted with its contents; a datum read inside, cycles and
; all, survives the region.
(define out (open-output-string))
(with-region
  (let loop ((i 0))
    (when (< i 2000)
      (write i out)
      (write-char #\space out)
      (loop (+ i 1)))))
(define text (get-output-string out))
(display (string-length text))
(display " ")
(display (substring text 0 10))
(newline)
(define made-inside
  (with-region
    (let ((p (open-output-string)))
      (display "written in a region, " p)
      (let loop ((i 0))
        (when (< i 100)
          (display "x" p)
          (loop (+ i 1))))
      p)))
(display "after")
(newline)
(display "more" made-inside)
(write (string-length (get-output-string made-inside)))
(newline)
(define in-port (with-region (open-input-string "(1 2 3) second")))
(write (read in-port))
(write (read in-port))
(newline)
(define cyclic (with-region (read (open-input-string "#0=(a b . #0#)"))))
(write cyclic)
(write (eq? cyclic (cddr cyclic)))
(newline)
; the current output port parameterized inside a region
(define s (open-output-string))
(with-region
  (parameterize ((current-output-port s))
    (display (make-string 500 #\y))))
(write (string-length (get-output-string s)))
(newline)
