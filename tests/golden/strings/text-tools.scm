; A few text utilities written with the string and char procedures:
; splitting into words, palindromes, a Caesar cipher, counting letters.
(define (split-words s)
  (let loop ((i 0) (start #f) (words '()))
    (cond ((= i (string-length s))
           (reverse (if start (cons (substring s start i) words) words)))
          ((char-whitespace? (string-ref s i))
           (loop (+ i 1) #f (if start (cons (substring s start i) words) words)))
          (else (loop (+ i 1) (or start i) words)))))

(define (letters-only s)
  (let loop ((cs (string->list s)) (acc '()))
    (cond ((null? cs) (list->string (reverse acc)))
          ((char-alphabetic? (car cs)) (loop (cdr cs) (cons (char-downcase (car cs)) acc)))
          (else (loop (cdr cs) acc)))))

(define (palindrome? s)
  (let ((t (letters-only s)))
    (string=? t (list->string (reverse (string->list t))))))

(define (rotate c k)
  (define (shift base)
    (integer->char (+ base (modulo (+ (- (char->integer c) base) k) 26))))
  (cond ((and (char>=? c #\a) (char<=? c #\z)) (shift (char->integer #\a)))
        ((and (char>=? c #\A) (char<=? c #\Z)) (shift (char->integer #\A)))
        (else c)))

(define (caesar s k) (string-map (lambda (c) (rotate c k)) s))

(define (count-if pred s)
  (let loop ((i 0) (n 0))
    (if (= i (string-length s))
        n
        (loop (+ i 1) (if (pred (string-ref s i)) (+ n 1) n)))))

(write (split-words "  the quick  brown\tfox\njumps ")) (newline)
(write (palindrome? "A man, a plan, a canal: Panama!")) (newline)
(write (palindrome? "Not a palindrome")) (newline)
(write (caesar "Hello, World!" 3)) (newline)
(write (caesar (caesar "Hello, World!" 3) 23)) (newline)
(write (count-if char-upper-case? "Hello World ÉΛ")) (newline)
(write (count-if char-numeric? "a1b22c333٤")) (newline)
(write (letters-only "Ça va? Très bien, λ!")) (newline)
