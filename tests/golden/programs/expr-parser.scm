; A tokenizer and recursive-descent parser for arithmetic expressions with precedence, right-associative
; powers, unary minus, parentheses and variables; the trees are evaluated exactly and printed back.

;; ---- tokens: numbers, names, and the one-character operators
(define (tokenize str)
  (let loop ((i 0) (tokens '()))
    (if (>= i (string-length str))
        (reverse tokens)
        (let ((c (string-ref str i)))
          (cond ((char-whitespace? c) (loop (+ i 1) tokens))
                ((char-numeric? c)
                 (let scan ((j i))
                   (if (and (< j (string-length str)) (char-numeric? (string-ref str j)))
                       (scan (+ j 1))
                       (loop j (cons (string->number (substring str i j)) tokens)))))
                ((char-alphabetic? c)
                 (let scan ((j i))
                   (if (and (< j (string-length str)) (char-alphabetic? (string-ref str j)))
                       (scan (+ j 1))
                       (loop j (cons (string->symbol (substring str i j)) tokens)))))
                ((memv c '(#\+ #\- #\* #\/ #\^ #\( #\)))
                 (loop (+ i 1) (cons c tokens)))
                (else (error "unexpected character" c)))))))

;; ---- parser: expr := term (('+' | '-') term)*
;;              term := unary (('*' | '/') unary)*
;;              unary := '-' unary | power
;;              power := atom ('^' unary)?
;;              atom := number | name | '(' expr ')'
(define tokens '())
(define (peek) (if (null? tokens) 'end (car tokens)))
(define (next!) (let ((t (peek))) (set! tokens (cdr tokens)) t))
(define (expect! c)
  (if (eqv? (peek) c) (next!) (error "expected" c 'got (peek))))

(define (parse-expr)
  (let loop ((left (parse-term)))
    (case (peek)
      ((#\+) (next!) (loop (list '+ left (parse-term))))
      ((#\-) (next!) (loop (list '- left (parse-term))))
      (else left))))
(define (parse-term)
  (let loop ((left (parse-unary)))
    (case (peek)
      ((#\*) (next!) (loop (list '* left (parse-unary))))
      ((#\/) (next!) (loop (list '/ left (parse-unary))))
      (else left))))
(define (parse-unary)
  (if (eqv? (peek) #\-)
      (begin (next!) (list 'neg (parse-unary)))
      (parse-power)))
(define (parse-power)
  (let ((base (parse-atom)))
    (if (eqv? (peek) #\^)
        (begin (next!) (list '^ base (parse-unary)))
        base)))
(define (parse-atom)
  (let ((t (peek)))
    (cond ((number? t) (next!))
          ((symbol? t) (if (eq? t 'end) (error "unexpected end of input") (next!)))
          ((eqv? t #\() (next!) (let ((e (parse-expr))) (expect! #\)) e))
          (else (error "unexpected token" t)))))
(define (parse str)
  (set! tokens (tokenize str))
  (let ((tree (parse-expr)))
    (if (null? tokens) tree (error "trailing input" (peek)))))

;; ---- evaluation and printing
(define (evaluate tree env)
  (cond ((number? tree) tree)
        ((symbol? tree)
         (let ((b (assq tree env))) (if b (cdr b) (error "unknown variable" tree))))
        ((eq? (car tree) 'neg) (- (evaluate (cadr tree) env)))
        (else
         (let ((a (evaluate (cadr tree) env)) (b (evaluate (caddr tree) env)))
           (case (car tree)
             ((+) (+ a b)) ((-) (- a b)) ((*) (* a b))
             ((/) (if (= b 0) (error "division by zero in expression") (/ a b)))
             ((^) (expt a b)))))))
(define (unparse tree)
  (cond ((number? tree) (number->string tree))
        ((symbol? tree) (symbol->string tree))
        ((eq? (car tree) 'neg) (string-append "-" (unparse (cadr tree))))
        (else (string-append "(" (unparse (cadr tree)) " " (symbol->string (car tree)) " "
                             (unparse (caddr tree)) ")"))))

(define env '((x . 3) (y . 4) (half . 1/2)))
(define (run str)
  (guard (e ((error-object? e)
             (display str) (display " => error: ") (display (error-object-message e))
             (for-each (lambda (i) (display " ") (write i)) (error-object-irritants e))
             (newline)))
    (let ((tree (parse str)))
      (display str) (display " => ") (write tree) (newline)
      (display "    ") (display (unparse tree)) (display " = ") (display (evaluate tree env)) (newline))))

(write (tokenize "12+(x*34) - y^2")) (newline)
(for-each run
          '("1 + 2 * 3"
            "(1 + 2) * 3"
            "10 - 4 - 3"
            "2 ^ 3 ^ 2"
            "-2 ^ 2"
            "2 * -x + y"
            "x * x + y * y"
            "100 / 7 / 2"
            "half * (x + y) ^ 2"
            "((((42))))"
            "2 ^ 100"
            "1 / (x - 3)"
            "1 + "
            "(1 + 2"
            "1 + 2)"
            "3 $ 4"
            "z * 2"))
