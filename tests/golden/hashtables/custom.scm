; Tables with the program's own equivalence and hash function.
; Numbers that are the same modulo 10 are the same key.
(define (same-digit? a b) (= (modulo a 10) (modulo b 10)))
(define (digit-hash n . bound) (modulo n 10))
(define h (make-hash-table same-digit? digit-hash))
(hash-table-set! h 3 'three)
(hash-table-set! h 13 'thirteen)
(hash-table-set! h 25 'twenty-five)
(display (hash-table-size h)) (newline)
(display (hash-table-ref h 23)) (newline)
(display (hash-table-ref/default h 4 'none)) (newline)
; a hash function of one argument
(define h1 (make-hash-table same-digit? (lambda (n) (modulo n 10))))
(hash-table-set! h1 7 'seven)
(display (hash-table-ref h1 1007)) (newline)
; case-insensitive symbols, with the string-ci-hash of their names
(define (sym-ci=? a b) (string-ci=? (symbol->string a) (symbol->string b)))
(define (sym-ci-hash s . bound) (string-ci-hash (symbol->string s)))
(define syms (make-hash-table sym-ci=? sym-ci-hash))
(hash-table-set! syms 'Hello 1)
(hash-table-set! syms 'HELLO 2)
(display (hash-table-size syms)) (newline)
(display (hash-table-ref syms 'hello)) (newline)
; an equivalence finer than equal? needs no hash function: equal-hash is used
(define (strict=? a b) (and (equal? a b) (eq? (exact? a) (exact? b))))
(define f (make-hash-table strict=?))
(hash-table-set! f 1 'exact-one)
(hash-table-set! f 1.0 'inexact-one)
(display (list (hash-table-ref f 1) (hash-table-ref f 1.0) (hash-table-size f))) (newline)
; many keys in one table with a custom hash still grow correctly
(define big (make-hash-table (lambda (a b) (= a b)) (lambda (n . bound) (* n 7))))
(do ((i 0 (+ i 1))) ((= i 3000)) (hash-table-set! big i (- i)))
(display (list (hash-table-size big) (hash-table-ref big 2999) (hash-table-ref/default big 3000 'no)))
(newline)
