;;; files.scm - file processing with owned ports and with-resource.
;;;   tools/run examples/files.scm
;;; (it writes files-example.txt in the current folder and deletes it)
;;;
;;; An owned value must be consumed exactly once on every path, and the
;;; compiler checks it (docs/ownership.md): forget to close a port, close it
;;; twice, or use it after handing it on, and eshkolc says so.

(define name "files-example.txt")

;; with-resource owns the port and closes it however the body exits.
(with-resource (out (open-output-file name))
  (for-each (lambda (line) (write-string line out) (newline out))
            '("alpha beta" "gamma" "" "delta epsilon zeta" "eta theta")))

(define (count-words line)
  (let loop ((i 0) (in-word #f) (n 0))
    (cond ((= i (string-length line)) n)
          ((char=? (string-ref line i) #\space) (loop (+ i 1) #f n))
          (in-word (loop (+ i 1) #t n))
          (else (loop (+ i 1) #t (+ n 1))))))

;; A procedure given an owned port owns it, and must consume it: this one
;; reads to the end, then closes.
(define (summarise in)
  (let loop ((lines 0) (words 0))
    (let ((line (read-line in)))
      (if (eof-object? line)
          (begin (close in) (list 'lines lines 'words words))
          (loop (+ lines 1) (+ words (count-words line)))))))

(define port (owned (open-input-file name)))
(display (summarise port))              ; port moves into summarise
(newline)

;; Leaving with-resource through a continuation still closes the port.
(define kept #f)
(define first-long
  (call/cc
    (lambda (k)
      (with-resource (in (open-input-file name))
        (set! kept in)
        (let loop ()
          (let ((line (read-line in)))
            (cond ((eof-object? line) #f)
                  ((> (string-length line) 12) (k line))
                  (else (loop)))))))))
(display first-long)
(newline)
(display (input-port-open? kept))       ; closed by the escape
(newline)

;; borrow lends the port to a body that may read but not close it.
(define (first-line path)
  (with-resource (in (open-input-file path))
    (borrow in (read-line in))))
(display (first-line name))
(newline)

(delete-file name)
(display (file-exists? name))
(newline)
