;;; batch.scm - batch processing in named regions with size hints.
;;;   tools/run examples/batch.scm
;;;   ESHKOL_MEMSTATS=1 tools/run examples/batch.scm    (the memory report)
;;;
;;; Each batch parses and summarises its records inside its own region:
;;; everything a batch allocates is freed in one step when the batch is
;;; done, and only the summary it returns is copied out (promoted).

;; A record is a line "name,qty,price"; parse one into a vector.
(define (split-commas s)
  (let loop ((i 0) (start 0) (fields '()))
    (cond ((= i (string-length s))
           (reverse (cons (substring s start i) fields)))
          ((char=? (string-ref s i) #\,)
           (loop (+ i 1) (+ i 1) (cons (substring s start i) fields)))
          (else (loop (+ i 1) start fields)))))

(define (parse line)
  (let ((f (split-commas line)))
    (vector (car f) (string->number (cadr f)) (string->number (caddr f)))))

;; A batch of n synthetic lines, as a feed would deliver them.
(define (make-batch b n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        acc
        (loop (+ i 1)
              (cons (string-append "item" (number->string (+ (* b 1000) i)) ","
                                   (number->string (+ 1 (modulo i 7))) ","
                                   (number->string (* 5 (+ 1 (modulo i 3)))))
                    acc)))))

;; The summary: (batch count total-quantity revenue top-item).
(define (summarise b lines)
  (let loop ((ls lines) (count 0) (qty 0) (revenue 0) (top #f))
    (if (null? ls)
        (list b count qty revenue (vector-ref top 0))
        (let* ((r (parse (car ls)))
               (line-revenue (* (vector-ref r 1) (vector-ref r 2))))
          (loop (cdr ls) (+ count 1) (+ qty (vector-ref r 1)) (+ revenue line-revenue)
                (if (or (not top) (> line-revenue (* (vector-ref top 1) (vector-ref top 2)))) r top))))))

(define summaries
  (let loop ((b 0) (acc '()))
    (if (= b 5)
        (reverse acc)
        (loop (+ b 1)
              ;; a named region with a size hint: about 64 KiB per batch
              (cons (with-region ('batch 65536) (summarise b (make-batch b 500)))
                    acc)))))

(for-each (lambda (s) (display s) (newline)) summaries)
