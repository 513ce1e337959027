;;; strings -- string churn: build words from numbers, join them into a
;;; line with string-append, split the line back into words with substring,
;;; then compare the pieces with the originals (string=?), with each other
;;; (string<?), as interned symbols (string->symbol, eq?) and reversed
;;; (string->list, list->string).
;;; Measures: string allocation and copying, character access, interning.
;;; Prints four counts summed over all rounds.

(define reps 50000)  ; smoke: 20
(define words-per-line 12)

;; "w<i+k>-<k>"; i is taken modulo 3000, so the symbol table stops growing.
(define (make-word i k)
  (string-append "w" (number->string (+ (remainder i 3000) k))
                 "-" (number->string k)))

(define (make-words i)
  (let build ((k (- words-per-line 1)) (words '()))
    (if (< k 0)
        words
        (build (- k 1) (cons (make-word i k) words)))))

(define (join-words words separator)
  (let append-next ((line (car words)) (rest (cdr words)))
    (if (null? rest)
        line
        (append-next (string-append line separator (car rest)) (cdr rest)))))

;; The pieces of text between occurrences of the character ch, in order.
(define (split text ch)
  (let scan ((i (- (string-length text) 1))
             (end (string-length text))
             (pieces '()))
    (cond ((< i 0) (cons (substring text 0 end) pieces))
          ((char=? (string-ref text i) ch)
           (scan (- i 1) i (cons (substring text (+ i 1) end) pieces)))
          (else (scan (- i 1) end pieces)))))

(define (string-reverse s)
  (list->string (reverse (string->list s))))

(define (churn count)
  (let next-round ((i 0) (same 0) (ordered 0) (interned 0) (length-sum 0))
    (if (= i count)
        (list same ordered interned length-sum)
        (let* ((words (make-words i))
               (line (join-words words " "))
               (pieces (split line #\space)))
          (let compare ((ws words) (ps pieces)
                        (same same) (ordered ordered) (interned interned))
            (if (null? ws)
                (next-round (+ i 1) same ordered interned
                       (+ length-sum (string-length line)))
                (let ((w (car ws)) (p (car ps)))
                  (compare (cdr ws) (cdr ps)
                           (if (string=? w p) (+ same 1) same)
                           (if (and (pair? (cdr ps)) (string<? p (cadr ps)))
                               (+ ordered 1)
                               ordered)
                           (if (and (eq? (string->symbol p) (string->symbol w))
                                    (string=? (symbol->string (string->symbol p)) w)
                                    (string=? (string-reverse (string-reverse p)) w))
                               (+ interned 1)
                               interned)))))))))

(let ((counts (churn reps)))
  (display (car counts))
  (display " ")
  (display (cadr counts))
  (display " ")
  (display (caddr counts))
  (display " ")
  (display (cadddr counts))
  (newline))
