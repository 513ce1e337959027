; Templates may hold quasiquote, quote and vector constants.
(import (scheme base) (scheme write))
(define-syntax build
  (syntax-rules ()
    ((_ a b ...) `(a ,a ,@(list b ...) end))))
(write (build 1 2 3)) (newline)
(define-syntax tagged
  (syntax-rules ()
    ((_ tag e) `(tag . ,e))))
(write (tagged point (list 1 2))) (newline)
(define-syntax constants
  (syntax-rules ()
    ((_ x) (list 'x '(x y) #(x 1) "x" #\x))))
(write (constants 5)) (newline)
