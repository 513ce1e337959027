(import (scheme base) (scheme char) (scheme write) (scheme cxr))

;; A tokenizer and two recursive-descent parsers: one for arithmetic with
;; precedence, unary minus and function calls, one for a JSON-like notation.
;; The tokenizer reads from a string port, so peeking is done with peek-char.

(define-record-type token
  (make-token kind value pos)
  token?
  (kind token-kind)
  (value token-value)
  (pos token-pos))

(define (tokenize text)
  (define port (open-input-string text))
  (define pos 0)
  (define (next!)
    (set! pos (+ pos 1))
    (read-char port))
  (define (peek) (peek-char port))
  (define (read-while pred)
    (let loop ((acc '()))
      (let ((c (peek)))
        (if (and (not (eof-object? c)) (pred c))
            (loop (cons (next!) acc))
            (list->string (reverse acc))))))
  (define (read-number start)
    (let* ((int-part (read-while char-numeric?))
           (frac (if (and (not (eof-object? (peek))) (char=? (peek) #\.))
                     (begin (next!) (read-while char-numeric?))
                     #f)))
      (if frac
          (make-token 'number
                      (+ (string->number int-part)
                         (/ (string->number (if (string=? frac "") "0" frac))
                            (expt 10 (string-length frac))))
                      start)
          (make-token 'number (string->number int-part) start))))
  (define (read-string-literal start)
    (next!)                             ; opening quote
    (let loop ((acc '()))
      (let ((c (next!)))
        (cond ((eof-object? c) (error "unterminated string at" start))
              ((char=? c #\") (make-token 'string (list->string (reverse acc)) start))
              ((char=? c #\\)
               (let ((e (next!)))
                 (loop (cons (case e
                               ((#\n) #\newline)
                               ((#\t) #\tab)
                               (else e))
                             acc))))
              (else (loop (cons c acc)))))))
  (define (ident-char? c)
    (or (char-alphabetic? c) (char-numeric? c) (char=? c #\_)))
  (let loop ((tokens '()))
    (let ((c (peek)))
      (cond ((eof-object? c) (reverse (cons (make-token 'eof #f pos) tokens)))
            ((char-whitespace? c) (next!) (loop tokens))
            ((char-numeric? c) (loop (cons (read-number pos) tokens)))
            ((char=? c #\") (loop (cons (read-string-literal pos) tokens)))
            ((char-alphabetic? c)
             (let* ((start pos)
                    (name (read-while ident-char?)))
               (loop (cons (make-token 'ident (string->symbol name) start) tokens))))
            ((memv c '(#\+ #\- #\* #\/ #\^ #\( #\) #\, #\{ #\} #\[ #\] #\:))
             (let ((start pos))
               (next!)
               (loop (cons (make-token 'punct c start) tokens))))
            (else (error "unexpected character" c))))))

;; A token stream is a closure over a list: (stream 'peek) / (stream 'next).
(define (make-stream tokens)
  (lambda (msg)
    (case msg
      ((peek) (car tokens))
      ((next) (let ((t (car tokens)))
                (if (not (eq? (token-kind t) 'eof))
                    (set! tokens (cdr tokens)))
                t))
      (else (error "bad stream message" msg)))))

(define (punct? tok c)
  (and (eq? (token-kind tok) 'punct) (char=? (token-value tok) c)))

;; Parse failures escape through a continuation captured by the caller.
(define (parse-with parser text)
  (call-with-current-continuation
   (lambda (k)
     (let ((fail (lambda (msg tok)
                   (k (list 'parse-error msg (token-pos tok))))))
       (parser (make-stream (tokenize text)) fail)))))

;; expr   := term (('+' | '-') term)*
;; term   := factor (('*' | '/') factor)*
;; factor := unary ('^' factor)?
;; unary  := '-' unary | atom
;; atom   := number | ident | ident '(' args ')' | '(' expr ')'
(define (parse-arith s fail)
  (define (expect c)
    (let ((t (s 'next)))
      (if (not (punct? t c))
          (fail (string-append "expected " (string c)) t))))
  (define (binary-level next-level ops)
    (lambda ()
      (let loop ((left (next-level)))
        (let ((t (s 'peek)))
          (cond ((and (eq? (token-kind t) 'punct) (assv (token-value t) ops))
                 => (lambda (entry)
                      (s 'next)
                      (loop (list (cdr entry) left (next-level)))))
                (else left))))))
  (define (factor)
    (let ((base (unary)))
      (if (punct? (s 'peek) #\^)
          (begin (s 'next) (list 'expt base (factor)))
          base)))
  (define (unary)
    (if (punct? (s 'peek) #\-)
        (begin (s 'next) (list 'neg (unary)))
        (atom)))
  (define (args)
    (if (punct? (s 'peek) #\))
        (begin (s 'next) '())
        (let loop ((acc (list (expr))))
          (let ((t (s 'next)))
            (cond ((punct? t #\,) (loop (cons (expr) acc)))
                  ((punct? t #\)) (reverse acc))
                  (else (fail "expected , or )" t)))))))
  (define (atom)
    (let ((t (s 'next)))
      (case (token-kind t)
        ((number) (token-value t))
        ((ident)
         (if (punct? (s 'peek) #\()
             (begin (s 'next) (cons (token-value t) (args)))
             (token-value t)))
        ((punct)
         (if (char=? (token-value t) #\()
             (let ((e (expr)))
               (expect #\))
               e)
             (fail "unexpected punctuation" t)))
        (else (fail "unexpected token" t)))))
  (define term (binary-level factor '((#\* . *) (#\/ . /))))
  (define expr (binary-level term '((#\+ . +) (#\- . -))))
  (let ((e (expr)))
    (if (eq? (token-kind (s 'peek)) 'eof)
        e
        (fail "trailing input" (s 'peek)))))

(define (evaluate tree env)
  (define functions
    (list (cons 'max max)
          (cons 'min min)
          (cons 'sq (lambda (x) (* x x)))
          (cons 'sum (lambda xs (apply + xs)))))
  (let eval ((t tree))
    (cond ((number? t) t)
          ((symbol? t)
           (let ((b (assq t env)))
             (if b (cdr b) (error "unbound" t))))
          (else
           (case (car t)
             ((+) (+ (eval (cadr t)) (eval (caddr t))))
             ((-) (- (eval (cadr t)) (eval (caddr t))))
             ((*) (* (eval (cadr t)) (eval (caddr t))))
             ((/) (/ (eval (cadr t)) (eval (caddr t))))
             ((expt) (expt (eval (cadr t)) (eval (caddr t))))
             ((neg) (- (eval (cadr t))))
             (else
              (let ((f (assq (car t) functions)))
                (if f
                    (apply (cdr f) (map eval (cdr t)))
                    (error "unknown function" (car t))))))))))

;; JSON-like values: numbers, strings, true/false/null, arrays as vectors,
;; objects as association lists with string keys.
(define (parse-json s fail)
  (define (value)
    (let ((t (s 'next)))
      (case (token-kind t)
        ((number string) (token-value t))
        ((ident)
         (case (token-value t)
           ((true) #t)
           ((false) #f)
           ((null) 'null)
           (else (fail "bad literal" t))))
        ((punct)
         (case (token-value t)
           ((#\[) (list->vector (elements #\] value)))
           ((#\{) (elements #\} member))
           ((#\-) (let ((n (s 'next)))
                    (if (eq? (token-kind n) 'number)
                        (- (token-value n))
                        (fail "expected number" n))))
           (else (fail "unexpected punctuation" t))))
        (else (fail "unexpected end" t)))))
  (define (member)
    (let ((k (s 'next)))
      (if (not (eq? (token-kind k) 'string))
          (fail "expected key" k))
      (let ((colon (s 'next)))
        (if (not (punct? colon #\:))
            (fail "expected :" colon)))
      (cons (token-value k) (value))))
  (define (elements close item)
    (if (punct? (s 'peek) close)
        (begin (s 'next) '())
        (let loop ((acc (list (item))))
          (let ((t (s 'next)))
            (cond ((punct? t #\,) (loop (cons (item) acc)))
                  ((punct? t close) (reverse acc))
                  (else (fail "expected , or close" t)))))))
  (value))

(define (json-ref v . path)
  (let loop ((v v) (path path))
    (cond ((null? path) v)
          ((integer? (car path)) (loop (vector-ref v (car path)) (cdr path)))
          (else
           (let ((entry (assoc (car path) v string=?)))
             (if entry (loop (cdr entry) (cdr path)) 'missing))))))

(define (json->string v)
  (let ((out (open-output-string)))
    (let emit ((v v))
      (cond ((eq? v #t) (write-string "true" out))
            ((eq? v #f) (write-string "false" out))
            ((eq? v 'null) (write-string "null" out))
            ((number? v) (write v out))
            ((string? v) (write v out))
            ((vector? v)
             (write-char #\[ out)
             (do ((i 0 (+ i 1))) ((= i (vector-length v)))
               (if (> i 0) (write-char #\, out))
               (emit (vector-ref v i)))
             (write-char #\] out))
            (else
             (write-char #\{ out)
             (let loop ((members v) (first #t))
               (unless (null? members)
                 (unless first (write-char #\, out))
                 (write (caar members) out)
                 (write-char #\: out)
                 (emit (cdar members))
                 (loop (cdr members) #f)))
             (write-char #\} out))))
    (get-output-string out)))

(define (show label x)
  (display label)
  (display ": ")
  (write x)
  (newline))

(define arith-env '((x . 3) (y . 4) (half . 1/2)))

(for-each
 (lambda (text)
   (let ((tree (parse-with parse-arith text)))
     (show text tree)
     (if (and (pair? tree) (eq? (car tree) 'parse-error))
         #f
         (show "  value" (evaluate tree arith-env)))))
 '("1 + 2 * 3"
   "(1 + 2) * 3"
   "2 ^ 3 ^ 2"
   "-x ^ 2 + y"
   "10 / 4 - half"
   "sq(x) + sq(y)"
   "max(x, y, 2 * x) - min(1, 2)"
   "sum(1, 2, 3, 4, 5) / 3"
   "1.25 * 8"
   "3 * (4 + "
   "2 + * 3"
   "f(1 2)"))

(define doc
  "{\"name\": \"widget\", \"tags\": [\"a\", \"b\\n\"], \"price\": 12.5,
    \"stock\": {\"left\": 3, \"right\": -2}, \"active\": true, \"note\": null,
    \"sizes\": [[1, 2], [], [3]]}")

(let ((v (parse-with parse-json doc)))
  (show "keys" (map car v))
  (show "name" (json-ref v "name"))
  (show "tag 1" (json-ref v "tags" 1))
  (show "price" (json-ref v "price"))
  (show "right" (json-ref v "stock" "right"))
  (show "sizes" (json-ref v "sizes"))
  (show "missing" (json-ref v "colour"))
  (display (json->string v))
  (newline))

(show "bad json" (parse-with parse-json "{\"a\": [1, 2,, 3]}"))
(show "bad key" (parse-with parse-json "{a: 1}"))
(show "round trip"
      (string=? (json->string (parse-with parse-json "[1,{\"k\":[true,false]},\"s\"]"))
                "[1,{\"k\":[true,false]},\"s\"]"))
(show "token kinds"
      (map token-kind (tokenize "f(x, \"s\") + 1.5")))
