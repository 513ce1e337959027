;; Stores of younger objects into older ones survive the younger region
;; (the store check), whichever way the store is made.
(define g #f)
(define cell (list 'empty))
(define vec (make-vector 2 #f))
(define-record-type box (make-box v) box? (v box-v set-box-v!))
(define b (make-box #f))

(with-region
  (set! g (list 1 2 3))                     ; a global
  (set-car! cell (vector 'in 'region))      ; a pair from the root
  (vector-set! vec 0 (string-append "a" "b"))
  (vector-set! vec 1 (list (list 'deep)))   ; nested structure
  (set-box-v! b (cons 'x 'y))               ; a record field
  'done)

(write g) (newline)
(write cell) (newline)
(write vec) (newline)
(write (box-v b)) (newline)

;; a captured variable of an older closure
(define remember
  (let ((seen '()))
    (lambda (x)
      (if x (set! seen (cons x seen)) seen))))
(with-region (remember (list 'one)) (remember (string #\t #\w #\o)))
(write (remember #f)) (newline)

;; the same object stored twice and returned: still one object
(define p #f)
(define q (with-region
            (let ((shared (list 'same)))
              (set! p shared)
              shared)))
(display (eq? p q)) (newline)

;; the stored object is the region's own object while the region lives
(define seen-inside
  (with-region
    (let ((x (list 0)))
      (set! g x)
      (set-car! x 99)          ; visible through g: same object
      (car g))))
(display seen-inside) (newline)
(display g) (newline)

;; a store through nested regions ends in the root
(with-region 'outer
  (with-region 'inner
    (set! g (vector "nested")))
  (vector-set! g 0 (string-append (vector-ref g 0) "!")))
(write g) (newline)
