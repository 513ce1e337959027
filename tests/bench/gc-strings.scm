;;; gc-strings -- string churn: numbers formatted, joined, cut and
;;; compared, the current line carried from one iteration to the next.
;;; Measures: string allocation reclaimed by the collector.
;;; Prints the length of the last line and a count of matches.

(define iterations 1000000)  ; smoke: 1000

(define (line-for i previous)
  (let* ((a (number->string i))
         (b (number->string (* i 7)))
         (s (string-append a ":" b ":" (substring previous 0 (min 8 (string-length previous))))))
    s))

(define (run n)
  (let loop ((i 0) (line "start") (matches 0))
    (if (= i n)
        (cons line matches)
        (let ((next (line-for i line)))
          (loop (+ i 1) next (if (string=? (substring next 0 1) "7") (+ matches 1) matches))))))

(define result (run iterations))
(display (string-length (car result)))
(display " ")
(display (cdr result))
(newline)
