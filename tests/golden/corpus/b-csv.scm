;;; A CSV reader and a report generator. The program writes a sales file
;;; with quoted fields (commas, doubled quotes, an embedded newline), reads
;;; it back through a port with a character-level state machine, converts
;;; the columns, groups and totals the rows, sorts them, and prints
;;; aligned tables. Money is kept in exact integer cents.
(import (scheme base) (scheme write) (scheme char) (scheme file))

(define file-name "sales-report.csv")

;;; ------------------------------------------------------------ writing

(define (csv-field s)
  (if (let loop ((i 0))
        (and (< i (string-length s))
             (or (memv (string-ref s i) '(#\, #\" #\newline))
                 (loop (+ i 1)))))
      (let ((out (open-output-string)))
        (write-char #\" out)
        (string-for-each (lambda (c)
                           (when (char=? c #\") (write-char #\" out))
                           (write-char c out))
                         s)
        (write-char #\" out)
        (get-output-string out))
      s))

(define (write-csv-row fields port)
  (let loop ((fs fields) (first #t))
    (unless (null? fs)
      (unless first (write-char #\, port))
      (write-string (csv-field (car fs)) port)
      (loop (cdr fs) #f)))
  (newline port))

(define rows
  '(("region" "rep" "product" "units" "price" "note")
    ("North" "Alice" "Widget" "12" "2.50" "")
    ("South" "Bob" "Gadget" "3" "19.99" "rush order")
    ("North" "Carol" "Widget" "7" "2.50" "repeat, loyal")
    ("East" "Dan" "Gizmo" "1" "149.00" "said \"urgent\"")
    ("South" "Alice" "Widget" "30" "2.25" "bulk")
    ("West" "Erin" "Gadget" "5" "18.50" "two lines\nof note")
    ("East" "Bob" "Widget" "9" "2.50" "")
    ("North" "Dan" "Gizmo" "2" "145.00" "")
    ("West" "Carol" "Gadget" "4" "19.99" "")
    ("South" "Erin" "Gizmo" "1" "150.00" "demo unit")
    ("East" "Alice" "Gadget" "6" "19.00" "")
    ("North" "Bob" "Widget" "15" "2.40" "")))

(call-with-output-file file-name
  (lambda (port)
    (for-each (lambda (row) (write-csv-row row port)) rows)))

;;; ------------------------------------------------------------ reading
;;; States: start-of-field, unquoted, quoted, quote-in-quoted.

(define (read-csv-record port)
  (let ((field (open-output-string)))
    (define (take-field)
      (let ((s (get-output-string field)))
        (set! field (open-output-string))
        s))
    (let loop ((state 'start) (fields '()))
      (let ((c (read-char port)))
        (case state
          ((start unquoted)
           (cond ((eof-object? c)
                  (if (and (eq? state 'start) (null? fields))
                      c
                      (reverse (cons (take-field) fields))))
                 ((char=? c #\,) (loop 'start (cons (take-field) fields)))
                 ((char=? c #\newline) (reverse (cons (take-field) fields)))
                 ((and (eq? state 'start) (char=? c #\")) (loop 'quoted fields))
                 (else (write-char c field) (loop 'unquoted fields))))
          ((quoted)
           (cond ((eof-object? c) (error "unterminated quoted field"))
                 ((char=? c #\") (loop 'quote-in-quoted fields))
                 (else (write-char c field) (loop 'quoted fields))))
          ((quote-in-quoted)
           (cond ((and (char? c) (char=? c #\"))
                  (write-char c field)
                  (loop 'quoted fields))
                 (else
                  ;; the closing quote: handle c as after an unquoted char
                  (cond ((eof-object? c) (reverse (cons (take-field) fields)))
                        ((char=? c #\,) (loop 'start (cons (take-field) fields)))
                        ((char=? c #\newline) (reverse (cons (take-field) fields)))
                        (else (error "text after closing quote" c)))))))))))

(define (read-csv port)
  (let loop ((acc '()))
    (let ((record (read-csv-record port)))
      (if (eof-object? record)
          (reverse acc)
          (loop (cons record acc))))))

(define table (call-with-input-file file-name read-csv))

(display "records read: ")
(display (length table))
(newline)
(display "round trip equal: ")
(display (equal? table rows))
(newline)

;;; ------------------------------------------------------------ conversion

;; "19.99" -> 1999 cents, exactly.
(define (parse-cents s)
  (let* ((dot (let loop ((i 0))
                (cond ((= i (string-length s)) #f)
                      ((char=? (string-ref s i) #\.) i)
                      (else (loop (+ i 1))))))
         (whole (string->number (if dot (substring s 0 dot) s)))
         (frac (if dot (substring s (+ dot 1) (string-length s)) "")))
    (+ (* whole 100)
       (case (string-length frac)
         ((0) 0)
         ((1) (* 10 (string->number frac)))
         (else (string->number (substring frac 0 2)))))))

(define (cents->string c)
  (let ((q (quotient c 100)) (r (remainder c 100)))
    (string-append (number->string q) "." (if (< r 10) "0" "") (number->string r))))

(define header (car table))

(define-record-type sale
  (make-sale region rep product units price note)
  sale?
  (region sale-region) (rep sale-rep) (product sale-product)
  (units sale-units) (price sale-price) (note sale-note))

(define (column name)
  (let loop ((h header) (i 0))
    (cond ((null? h) (error "no such column" name))
          ((string-ci=? (car h) name) i)
          (else (loop (cdr h) (+ i 1))))))

(define sales
  (map (lambda (r)
         (let ((get (lambda (name) (list-ref r (column name)))))
           (make-sale (get "Region") (get "rep") (get "PRODUCT")
                      (string->number (get "units"))
                      (parse-cents (get "price"))
                      (get "note"))))
       (cdr table)))

(define (sale-total s) (* (sale-units s) (sale-price s)))

;;; ------------------------------------------------------------ grouping

;; Group by key into an alist (key . items), keys in first-seen order.
(define (group-by key items)
  (let loop ((items items) (groups '()))
    (if (null? items)
        (reverse (map (lambda (g) (cons (car g) (reverse (cdr g)))) groups))
        (let* ((k (key (car items)))
               (g (assoc k groups)))
          (if g
              (begin (set-cdr! g (cons (car items) (cdr g)))
                     (loop (cdr items) groups))
              (loop (cdr items) (cons (list k (car items)) groups)))))))

(define (insertion-sort less? lst)
  (define (insert x sorted)
    (cond ((null? sorted) (list x))
          ((less? x (car sorted)) (cons x sorted))
          (else (cons (car sorted) (insert x (cdr sorted))))))
  (let loop ((lst lst) (acc '()))
    (if (null? lst) acc (loop (cdr lst) (insert (car lst) acc)))))

(define (sum f lst) (apply + (map f lst)))

;;; ------------------------------------------------------------ tables

(define (pad s width align)
  (let ((n (string-length s)))
    (if (>= n width)
        s
        (if (eq? align 'right)
            (string-append (make-string (- width n) #\space) s)
            (string-append s (make-string (- width n) #\space))))))

(define (print-table headings aligns body)
  (let* ((all (cons headings body))
         (widths (let loop ((k 0) (acc '()))
                   (if (= k (length headings))
                       (reverse acc)
                       (loop (+ k 1)
                             (cons (apply max (map (lambda (row) (string-length (list-ref row k))) all))
                                   acc))))))
    (define (print-row row)
      (display "|")
      (for-each (lambda (cell w a) (display " ") (display (pad cell w a)) (display " |"))
                row widths aligns)
      (newline))
    (define (rule)
      (display "+")
      (for-each (lambda (w) (display (make-string (+ w 2) #\-)) (display "+")) widths)
      (newline))
    (rule)
    (print-row headings)
    (rule)
    (for-each print-row body)
    (rule)))

(define (summary title key)
  (display title)
  (newline)
  (let* ((groups (group-by key sales))
         (sorted (insertion-sort (lambda (a b)
                                   (let ((ta (sum sale-total (cdr a)))
                                         (tb (sum sale-total (cdr b))))
                                     (or (> ta tb)
                                         (and (= ta tb) (string<? (car a) (car b))))))
                                 groups)))
    (print-table
     '("key" "sales" "units" "revenue")
     '(left right right right)
     (append
      (map (lambda (g)
             (list (car g)
                   (number->string (length (cdr g)))
                   (number->string (sum sale-units (cdr g)))
                   (cents->string (sum sale-total (cdr g)))))
           sorted)
      (list (list "TOTAL"
                  (number->string (length sales))
                  (number->string (sum sale-units sales))
                  (cents->string (sum sale-total sales))))))))

(summary "revenue by region" sale-region)
(summary "revenue by rep" sale-rep)
(summary "revenue by product" sale-product)

(display "sales with notes, by rep then product")
(newline)
(print-table
 '("rep" "product" "note")
 '(left left left)
 (map (lambda (s)
        (list (sale-rep s) (sale-product s)
              (let ((out (open-output-string)))
                (write (sale-note s) out)
                (get-output-string out))))
      (insertion-sort (lambda (a b)
                        (or (string<? (sale-rep a) (sale-rep b))
                            (and (string=? (sale-rep a) (sale-rep b))
                                 (string<? (sale-product a) (sale-product b)))))
                      (let keep ((ss sales))
                        (cond ((null? ss) '())
                              ((string=? (sale-note (car ss)) "") (keep (cdr ss)))
                              (else (cons (car ss) (keep (cdr ss)))))))))

;; The raw file, line by line, to show the quoting.
(display "the file as written:")
(newline)
(call-with-input-file file-name
  (lambda (port)
    (let loop ((n 1))
      (let ((line (read-line port)))
        (unless (eof-object? line)
          (display (if (< n 10) " " ""))
          (display n)
          (display ": ")
          (display line)
          (newline)
          (loop (+ n 1)))))))
(delete-file file-name)
(display "deleted: ")
(display (not (file-exists? file-name)))
(newline)
