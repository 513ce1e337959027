; Building strings step by step: repeated string-append, an integer printer
; made of digit characters, and a string reversed in place with string-set!.
(define (digits->string n)
  (if (< n 10)
      (string (integer->char (+ n (char->integer #\0))))
      (string-append (digits->string (quotient n 10))
                     (string (integer->char (+ (remainder n 10) (char->integer #\0)))))))

(define (join strs sep)
  (if (null? strs)
      ""
      (let loop ((acc (car strs)) (rest (cdr strs)))
        (if (null? rest) acc (loop (string-append acc sep (car rest)) (cdr rest))))))

(define (reverse! s)
  (let loop ((i 0) (j (- (string-length s) 1)))
    (when (< i j)
      (let ((c (string-ref s i)))
        (string-set! s i (string-ref s j))
        (string-set! s j c)
        (loop (+ i 1) (- j 1)))))
  s)

(define (range a b) (if (>= a b) '() (cons a (range (+ a 1) b))))

(define (numbers a b)
  (let loop ((ns (range a b)) (acc '()))
    (if (null? ns) (reverse acc) (loop (cdr ns) (cons (digits->string (car ns)) acc)))))

(write (join (numbers 1 11) ", ")) (newline)
(write (digits->string 9876543210)) (newline)
(write (reverse! (string-copy "λ-abc-𝄞"))) (newline)
(define big
  (let loop ((i 0) (s ""))
    (if (= i 1000) s (loop (+ i 1) (string-append s "ab")))))
(write (string-length big)) (newline)
(write (substring big 996 1004)) (newline)
