(import (scheme base) (scheme char) (scheme write) (scheme file))

;; A text-processing job on a file the program writes first: word
;; frequencies, line statistics, a sorted concordance, and a second pass
;; with read-char that counts characters by class. The file is written
;; twice, with with-output-to-file and with an explicit port, and read
;; back with read-line, read-char, peek-char and read-string.

(define text-lines
  '("It was the best of times, it was the worst of times,"
    "it was the age of wisdom, it was the age of foolishness,"
    "it was the epoch of belief, it was the epoch of incredulity,"
    ""
    "it was the season of Light, it was the season of Darkness,"
    "it was the spring of hope, it was the winter of despair."
    "   We had everything before us, we had nothing before us;"
    "\twe were all going direct to Heaven -- we were all going direct"
    "the other way. (1859)"))

(define file-name "corpus-a-text.txt")

(with-output-to-file file-name
  (lambda ()
    (for-each (lambda (line) (display line) (newline)) text-lines)))

;; Append a trailer with an explicit port: open-output-file truncates, so
;; the whole file is rewritten from what was read.
(define (read-all-lines port)
  (let loop ((acc '()))
    (let ((line (read-line port)))
      (if (eof-object? line)
          (reverse acc)
          (loop (cons line acc))))))

(let* ((existing (call-with-input-file file-name read-all-lines))
       (port (open-output-file file-name)))
  (for-each (lambda (line) (write-string line port) (newline port)) existing)
  (write-string "-- Charles Dickens, A Tale of Two Cities" port)
  (newline port)
  (close-output-port port))

;; Words: maximal runs of letters and apostrophes, folded to lower case.
(define (split-words line)
  (let loop ((chars (string->list line)) (word '()) (words '()))
    (define (flush)
      (if (null? word) words (cons (list->string (reverse word)) words)))
    (cond ((null? chars) (reverse (flush)))
          ((or (char-alphabetic? (car chars)) (char=? (car chars) #\'))
           (loop (cdr chars) (cons (char-downcase (car chars)) word) words))
          (else (loop (cdr chars) '() (flush))))))

;; Counting in an association list, most recently seen words in front.
(define (count-words words table)
  (let loop ((words words) (table table))
    (if (null? words)
        table
        (let ((entry (assoc (car words) table)))
          (if entry
              (begin (set-cdr! entry (+ (cdr entry) 1))
                     (loop (cdr words) table))
              (loop (cdr words) (cons (cons (car words) 1) table)))))))

(define (merge-sort lst less?)
  (define (merge a b)
    (cond ((null? a) b)
          ((null? b) a)
          ((less? (car b) (car a)) (cons (car b) (merge a (cdr b))))
          (else (cons (car a) (merge (cdr a) b)))))
  (let sort ((lst lst) (n (length lst)))
    (if (<= n 1)
        (if (= n 0) '() (list (car lst)))
        (let ((half (quotient n 2)))
          (merge (sort lst half) (sort (list-tail lst half) (- n half)))))))

(define-record-type line-stat
  (make-line-stat number length words blank? indent)
  line-stat?
  (number stat-number)
  (length stat-length)
  (words stat-words)
  (blank? stat-blank?)
  (indent stat-indent))

(define (leading-whitespace line)
  (let loop ((i 0))
    (if (and (< i (string-length line)) (char-whitespace? (string-ref line i)))
        (loop (+ i 1))
        i)))

(define-values (table stats)
  (call-with-input-file file-name
    (lambda (port)
      (let loop ((n 1) (table '()) (stats '()))
        (let ((line (read-line port)))
          (if (eof-object? line)
              (values table (reverse stats))
              (let ((words (split-words line)))
                (loop (+ n 1)
                      (count-words words table)
                      (cons (make-line-stat n (string-length line) (length words)
                                            (= (string-length line) 0)
                                            (leading-whitespace line))
                            stats)))))))))

(define (filter-list keep? lst)
  (cond ((null? lst) '())
        ((keep? (car lst)) (cons (car lst) (filter-list keep? (cdr lst))))
        (else (filter-list keep? (cdr lst)))))

(define (pad-left s width)
  (string-append (make-string (max 0 (- width (string-length s))) #\space) s))

(display "lines: ") (display (length stats)) (newline)
(display "blank lines: ")
(display (length (let loop ((s stats) (acc '()))
                   (cond ((null? s) acc)
                         ((stat-blank? (car s)) (loop (cdr s) (cons (car s) acc)))
                         (else (loop (cdr s) acc))))))
(newline)
(for-each (lambda (s)
            (display (pad-left (number->string (stat-number s)) 3))
            (display (pad-left (number->string (stat-length s)) 5))
            (display (pad-left (number->string (stat-words s)) 4))
            (if (> (stat-indent s) 0)
                (begin (display "  indent ") (display (stat-indent s))))
            (newline))
          stats)

(let* ((total-words (apply + (map stat-words stats)))
       (longest (let loop ((s stats) (best (car stats)))
                  (cond ((null? s) best)
                        ((> (stat-length (car s)) (stat-length best)) (loop (cdr s) (car s)))
                        (else (loop (cdr s) best))))))
  (display "total words: ") (display total-words) (newline)
  (display "distinct words: ") (display (length table)) (newline)
  (display "longest line: ") (display (stat-number longest))
  (display " (") (display (stat-length longest)) (display " chars)") (newline)
  (display "mean words per non-blank line: ")
  (display (/ total-words (length (filter-list (lambda (s) (not (stat-blank? s))) stats))))
  (newline))

;; Most frequent words: by count descending, then alphabetically.
(define by-frequency
  (merge-sort table
              (lambda (a b)
                (or (> (cdr a) (cdr b))
                    (and (= (cdr a) (cdr b)) (string<? (car a) (car b)))))))

(display "top words:") (newline)
(let loop ((entries by-frequency) (i 0))
  (when (and (pair? entries) (< i 8))
    (display (pad-left (number->string (cdar entries)) 4))
    (display " ")
    (display (caar entries))
    (newline)
    (loop (cdr entries) (+ i 1))))

(display "words seen once: ")
(write (map car (merge-sort (filter-list (lambda (e) (= (cdr e) 1)) table)
                            (lambda (a b) (string<? (car a) (car b))))))
(newline)

;; Group words by their first letter, as a vector of 26 lists.
(let ((groups (make-vector 26 '())))
  (for-each (lambda (entry)
              (let* ((c (string-ref (car entry) 0))
                     (i (- (char->integer c) (char->integer #\a))))
                (when (and (>= i 0) (< i 26))
                  (vector-set! groups i (cons (car entry) (vector-ref groups i))))))
            table)
  (do ((i 0 (+ i 1))) ((= i 26))
    (let ((ws (vector-ref groups i)))
      (when (>= (length ws) 3)
        (display (integer->char (+ i (char->integer #\a))))
        (display ": ")
        (write (merge-sort ws string<?))
        (newline)))))

;; Second pass, character by character.
(define-values (letters digits spaces punctuation newlines uppercase)
  (call-with-input-file file-name
    (lambda (port)
      (let loop ((l 0) (d 0) (s 0) (p 0) (nl 0) (u 0))
        (let ((c (read-char port)))
          (cond ((eof-object? c) (values l d s p nl u))
                ((char=? c #\newline) (loop l d s p (+ nl 1) u))
                ((char-alphabetic? c) (loop (+ l 1) d s p nl (if (char-upper-case? c) (+ u 1) u)))
                ((char-numeric? c) (loop l (+ d 1) s p nl u))
                ((char-whitespace? c) (loop l d (+ s 1) p nl u))
                (else (loop l d s (+ p 1) nl u))))))))

(display "letters ") (display letters)
(display ", digits ") (display digits)
(display ", spaces ") (display spaces)
(display ", punctuation ") (display punctuation)
(display ", newlines ") (display newlines)
(display ", uppercase ") (display uppercase)
(newline)

;; Sentences end at '.', ';' or at end of file; peek-char decides whether
;; a '-' starts a dash.
(call-with-input-file file-name
  (lambda (port)
    (let loop ((sentence-chars 0) (sentences '()) (dashes 0))
      (let ((c (read-char port)))
        (cond ((eof-object? c)
               (display "sentence lengths: ")
               (write (reverse (if (> sentence-chars 0) (cons sentence-chars sentences) sentences)))
               (display ", dashes: ") (display dashes)
               (newline))
              ((memv c '(#\. #\;))
               (loop 0 (cons sentence-chars sentences) dashes))
              ((and (char=? c #\-) (eqv? (peek-char port) #\-))
               (read-char port)
               (loop (+ sentence-chars 2) sentences (+ dashes 1)))
              (else (loop (+ sentence-chars 1) sentences dashes)))))))

;; read-string in chunks, and a checksum of the whole file.
(call-with-input-file file-name
  (lambda (port)
    (let loop ((chunks 0) (sum 0) (last ""))
      (let ((chunk (read-string 64 port)))
        (if (eof-object? chunk)
            (begin (display "chunks: ") (display chunks)
                   (display ", checksum: ") (display sum)
                   (display ", last chunk: ") (write last) (newline))
            (loop (+ chunks 1)
                  ;; (string->list, not string-ref: guile 3.0.8's string-ref
                  ;; misreads the short last chunk read-string returns)
                  (let add ((cs (string->list chunk)) (sum sum))
                    (if (null? cs)
                        sum
                        (add (cdr cs) (modulo (+ (* sum 31) (char->integer (car cs)))
                                              1000000007))))
                  chunk))))))

(display "last line: ")
(write (let ((lines (call-with-input-file file-name read-all-lines)))
         (list-ref lines (- (length lines) 1))))
(newline)
(display "file-exists? ") (display (file-exists? file-name)) (newline)
(delete-file file-name)
(display "after delete: ") (display (file-exists? file-name)) (newline)
