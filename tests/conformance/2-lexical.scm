;;; R7RS 2 Lexical conventions: identifiers and case, whitespace and
;;; comments, other notations, datum labels in program text.
(import (scheme base) (scheme write))

;; 2.1 Identifiers
(define λ-name 'lambda-letter)
(define |odd name| 'barred)
(define x->y 'arrow)
(define <=? 'compare)
(define a.b 'dotted)
(define list->vector* 'star)
(define ...x 'dots)
(check "2.1 identifiers are case-sensitive" (lambda () (let ((abc 1) (ABC 2)) (list abc ABC))) '(1 2))
(check "2.1 unicode identifier" (lambda () λ-name) 'lambda-letter)
(check "2.1 |identifier| with a space" (lambda () |odd name|) 'barred)
(check "2.1 extended identifier characters" (lambda () (list x->y <=? a.b list->vector* ...x)) '(arrow compare dotted star dots))
(check "2.1 peculiar identifiers + - ..." (lambda () (map symbol? '(+ - ... +a -> +.x))) '(#t #t #t #t #t #t))
(check "2.1 |x| is the same identifier as x" (lambda () (let ((|y| 5)) y)) 5)
(check "2.1 escapes in |identifiers|" (lambda () (symbol->string '|a\x62;c\|d|)) "abc|d")
(check "2.1 #!fold-case folds identifiers"
       (lambda () (let ((folded 'unset))
                    #!fold-case
                    (set! folded 'HELLO)
                    #!no-fold-case
                    (list folded 'HELLO)))
       '(hello HELLO))
(check "2.1 #!fold-case folds character names" (lambda () (list #!fold-case #\SPACE #!no-fold-case #\a)) '(#\space #\a))

;; 2.2 Whitespace and comments
(check "2.2 line comment" (lambda () (+ 1 ; comment ) (
                                         2))
       3)
(check "2.2 block comment" (lambda () (+ 1 #| a block comment ) ( |# 2)) 3)
(check "2.2 nested block comment" (lambda () (+ 1 #| outer #| inner |# still comment |# 2)) 3)
(check "2.2 datum comment" (lambda () (list 1 #;(hidden datum) 2)) '(1 2))
(check "2.2 datum comment of an atom" (lambda () (list 1 #; 99 2)) '(1 2))
(check "2.2 stacked datum comments" (lambda () (list #;#;1 2 3)) '(3))
(check "2.2 datum comment in quoted data" (lambda () '(a #;b c)) '(a c))
(check "2.2 tabs and newlines are whitespace"
       (lambda () (list	1
                        2))
       '(1 2))

;; 2.3 Other notations
(check "2.3 quote abbreviations" (lambda () '('a `b ,c ,@d)) '((quote a) (quasiquote b) (unquote c) (unquote-splicing d)))
(check "2.3 dot in dotted pair" (lambda () '(a . (b . (c . ())))) '(a b c))
(check "2.3 #( is a vector, #u8( a bytevector" (lambda () (list (vector? '#(1)) (bytevector? '#u8(1)))) '(#t #t))
(check "2.3 #t #f #true #false" (lambda () '(#t #f #true #false)) (list #t #f #t #f))
(check "2.3 #e #i #x #b #o #d prefixes" (lambda () '(#e1.5 #i2 #x10 #b10 #o10 #d10)) '(3/2 2.0 16 2 8 10))

;; 2.4 Datum labels in program text (guile 3.0.8's reader has none)
(check "2.4 labelled shared literal" (lambda () (let ((x '(#1=(a b) #1#))) (eq? (car x) (cadr x)))) #t)
(check "2.4 circular literal list" (lambda () (let ((x '#0=(a b . #0#))) (list (car x) (cadr x) (eq? x (cddr x))))) '(a b #t))
(check "2.4 circular literal vector" (lambda () (let ((v '#2=#(1 #2#))) (eq? v (vector-ref v 1)))) #t)
(check "2.4 label inside a vector inside a list" (lambda () (let ((x '(#3="s" #(#3#)))) (eq? (car x) (vector-ref (cadr x) 0)))) #t)
