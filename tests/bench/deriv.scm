;;; deriv -- symbolic differentiation of a polynomial-like expression,
;;; followed by algebraic simplification of the result, many times over.
;;; Expressions are lists: numbers, symbols, (+ e ...), (- e ...),
;;; (* e ...) and (expt e n) with n an exact integer.
;;; Measures: consing, list walking, symbol dispatch, map with closures.
;;; Prints both derivatives and the total size of all results computed.

(define reps 100000)   ; smoke: 10

(define expression
  '(+ (* 3 x x x)
      (* a x x)
      (* b x)
      5
      (expt x 4)
      (* 7 (expt x 3) y)
      (- (* x y) (* 2 x) (* y y))
      (* (+ x 1) (+ x 2) (- x 3))
      (* (+ (* x y) 1) (expt (+ x y) 2))))

;;; Differentiation

(define (deriv e v)
  (cond ((number? e) 0)
        ((symbol? e) (if (eq? e v) 1 0))
        (else
         (let ((args (cdr e)))
           (case (car e)
             ((+) (cons '+ (map (lambda (a) (deriv a v)) args)))
             ((-) (cons '- (map (lambda (a) (deriv a v)) args)))
             ((*) (cons '+ (product-rule args v)))
             ((expt)
              (let ((base (car args))
                    (power (cadr args)))
                (list '* power (list 'expt base (- power 1)) (deriv base v))))
             (else (error "deriv: unknown operator" (car e))))))))

;; d(f1 f2 ... fn) = sum over i of (f1 ... dfi ... fn)
(define (product-rule factors v)
  (let term ((before '()) (after factors))
    (if (null? after)
        '()
        (cons (cons '* (prepend-reversed
                        before
                        (cons (deriv (car after) v) (cdr after))))
              (term (cons (car after) before) (cdr after))))))

(define (prepend-reversed reversed tail)
  (if (null? reversed)
      tail
      (prepend-reversed (cdr reversed) (cons (car reversed) tail))))

;;; Simplification, bottom up

(define (simplify e)
  (if (pair? e)
      (let ((args (map simplify (cdr e))))
        (case (car e)
          ((+) (simplify-sum args))
          ((*) (simplify-product args))
          ((-) (simplify-difference args))
          ((expt) (simplify-power (car args) (cadr args)))
          (else (cons (car e) args))))
      e))

;; Numbers are added together; the non-numbers keep their order.
(define (simplify-sum args)
  (let collect ((args args) (constant 0) (terms '()))
    (cond ((null? args)
           (let ((terms (if (= constant 0)
                            (reverse terms)
                            (reverse (cons constant terms)))))
             (cond ((null? terms) 0)
                   ((null? (cdr terms)) (car terms))
                   (else (cons '+ terms)))))
          ((number? (car args))
           (collect (cdr args) (+ constant (car args)) terms))
          (else (collect (cdr args) constant (cons (car args) terms))))))

;; Numbers are multiplied together and put first; a zero kills the product.
(define (simplify-product args)
  (let collect ((args args) (constant 1) (factors '()))
    (cond ((null? args)
           (cond ((= constant 0) 0)
                 ((null? factors) constant)
                 ((= constant 1)
                  (if (null? (cdr factors))
                      (car factors)
                      (cons '* (reverse factors))))
                 (else (cons '* (cons constant (reverse factors))))))
          ((number? (car args))
           (if (= (car args) 0)
               0
               (collect (cdr args) (* constant (car args)) factors)))
          (else (collect (cdr args) constant (cons (car args) factors))))))

;; Zeros are dropped from what is subtracted.
(define (simplify-difference args)
  (let ((first (car args))
        (rest (remove-zeros (cdr args))))
    (cond ((and (null? (cdr args)) (number? first)) (- first))
          ((null? (cdr args)) (list '- first))
          ((null? rest) first)
          ((and (number? first) (= first 0) (null? (cdr rest)))
           (simplify-difference rest))
          (else (cons '- (cons first rest))))))

(define (remove-zeros lst)
  (cond ((null? lst) '())
        ((and (number? (car lst)) (= (car lst) 0)) (remove-zeros (cdr lst)))
        (else (cons (car lst) (remove-zeros (cdr lst))))))

(define (simplify-power base power)
  (cond ((= power 0) 1)
        ((= power 1) base)
        ((number? base) (expt base power))
        (else (list 'expt base power))))

;;; Driver

(define (tree-size e)
  (if (pair? e)
      (+ 1 (tree-size (car e)) (tree-size (cdr e)))
      1))

(define (run-deriv count)
  (let repeat ((i 0) (total 0))
    (if (= i count)
        total
        (let ((d (simplify (deriv expression (if (even? i) 'x 'y)))))
          (repeat (+ i 1) (+ total (tree-size d)))))))

(display (simplify (deriv expression 'x)))
(newline)
(display (simplify (deriv expression 'y)))
(newline)
(display (run-deriv reps))
(newline)
