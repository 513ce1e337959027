;;; (inventory report) - formatting, a library of its own: found by
;;; (import (inventory report)) as inventory/report.sld beside the program.
(define-library (inventory report)
  (export format-report)
  (import (scheme base))
  (begin
    (define (pad text width)
      (if (>= (string-length text) width)
          text
          (pad (string-append text " ") width)))
    (define (line name quantity)
      (string-append "  " (pad name 12) (number->string quantity) "\n"))
    (define (format-report rows total)
      (let loop ((rows rows) (text ""))
        (if (null? rows)
            (string-append text "  " (pad "total" 12) (number->string total) "\n")
            (loop (cdr rows) (string-append text (line (car (car rows)) (cdr (car rows))))))))))
