;;; A closure bound but never used is not made; the variables it would
;;; have captured are still read in C, so gcc and clang do not warn that
;;; they are set but not used (-Werror): a plain local, one assigned
;;; (boxed), and one that is itself a captured slot of the outer closure.
(define (plain x)
  (let* ((v (+ x 1))
         (fail (lambda () v)))
    'plain))

(define (boxed x)
  (let ((count x))
    (let ((bump! (lambda () (set! count (+ count 1)) count)))
      'boxed)))

(define (nested x)
  (lambda (y)
    (let ((again (lambda () (list x y))))
      (list 'nested y))))

;; the pattern a `match` macro expands into: a failure thunk per clause,
;; unused by the last clause
(define (classify v)
  (let* ((e v)
         (fail (lambda () (error "no match" e))))
    (if (pair? e) 'pair 'other)))

(display (list (plain 1) (boxed 2) ((nested 3) 4) (classify '(1)) (classify 5)))
(newline)
