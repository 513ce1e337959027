;;; gc-deriv -- symbolic derivation in a loop whose results are kept one
;;; iteration and dropped: the classic deriv benchmark's shape. Measures:
;;; list allocation, most of it garbage at the next iteration.
;;; Prints the size of the last derivative.

(define iterations 2000000)  ; smoke: 1000

(define (deriv a)
  (cond ((not (pair? a)) (if (eq? a 'x) 1 0))
        ((eq? (car a) '+) (cons '+ (map deriv (cdr a))))
        ((eq? (car a) '-) (cons '- (map deriv (cdr a))))
        ((eq? (car a) '*)
         (list '* a (cons '+ (map (lambda (a) (list '/ (deriv a) a)) (cdr a)))))
        ((eq? (car a) '/)
         (list '- (list '/ (deriv (cadr a)) (caddr a))
               (list '/ (cadr a) (list '* (caddr a) (caddr a) (deriv (caddr a))))))
        (else (error "deriv: no derivation for" (car a)))))

(define (count-pairs t) (if (pair? t) (+ 1 (count-pairs (car t)) (count-pairs (cdr t))) 0))

(define (run n)
  (let loop ((i 0) (last '()))
    (if (= i n)
        last
        (loop (+ i 1) (deriv '(+ (* 3 x x) (* a x x) (* b x) 5))))))

(display (count-pairs (run iterations)))
(newline)
