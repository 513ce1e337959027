; Word frequencies with association lists: split text into lower-case words, count them,
; sort by frequency then alphabetically, and report the top words, lengths and a few statistics.

(define text
  "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox doesn't!
   A quick brown dog? No -- a quick, QUICK fox. Foxes and dogs: the end.")

(define (word-char? c) (or (char-alphabetic? c) (char=? c #\')))

;; split into words: maximal runs of letters and apostrophes, folded to lower case
(define (words str)
  (let loop ((chars (string->list str)) (current '()) (acc '()))
    (define (flush) (if (null? current) acc (cons (list->string (reverse current)) acc)))
    (cond ((null? chars) (reverse (flush)))
          ((word-char? (car chars)) (loop (cdr chars) (cons (char-downcase (car chars)) current) acc))
          (else (loop (cdr chars) '() (flush))))))

;; counts as an alist (word . n), updated without mutation
(define (count-words ws)
  (fold (lambda (w counts)
          (let ((entry (assoc w counts)))
            (if entry
                (map (lambda (p) (if (eq? p entry) (cons w (+ (cdr p) 1)) p)) counts)
                (cons (cons w 1) counts))))
        '()
        ws))

(define (by-frequency a b)
  (or (> (cdr a) (cdr b))
      (and (= (cdr a) (cdr b)) (string<? (car a) (car b)))))

(define ws (words text))
(define counts (sort (count-words ws) by-frequency))

(display "words: ") (display (length ws)) (newline)
(display "distinct: ") (display (length counts)) (newline)
(display "first ten: ") (write (take ws 10)) (newline)
(display "top five:") (newline)
(for-each (lambda (p)
            (display "  ") (display (car p)) (display " ")
            (display (make-string (- 8 (string-length (car p))) #\.))
            (display " ") (display (cdr p)) (newline))
          (take counts 5))
(display "used once: ") (write (map car (filter (lambda (p) (= (cdr p) 1)) counts))) (newline)

;; words grouped by length
(define (group-by-length ws)
  (let loop ((ws (delete-duplicates ws)) (groups '()))
    (if (null? ws)
        (sort groups (lambda (a b) (< (car a) (car b))))
        (let* ((n (string-length (car ws))) (g (assv n groups)))
          (if g
              (begin (set-cdr! g (append (cdr g) (list (car ws)))) (loop (cdr ws) groups))
              (loop (cdr ws) (cons (list n (car ws)) groups)))))))
(for-each (lambda (g) (display "  ") (display (car g)) (display ": ") (write (cdr g)) (newline))
          (group-by-length ws))

(define longest (fold (lambda (w best) (if (> (string-length w) (string-length best)) w best)) "" ws))
(display "longest: ") (display longest) (newline)
(display "average length: ") (display (/ (apply + (map string-length ws)) (length ws))) (newline)
(display "letters used: ")
(display (list->string (sort (delete-duplicates (filter char-alphabetic? (apply append (map string->list ws)))) char<?)))
(newline)
