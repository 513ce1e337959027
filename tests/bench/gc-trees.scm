;;; gc-trees -- binary trees: one long-lived tree of depth 16 stays while
;;; many short-lived trees of depths 4 to 16 are built, checked and
;;; dropped (the binarytrees shape). Measures: allocation with a large
;;; live set beside it. Prints a line per depth and the long-lived check.

(define max-depth 16)  ; smoke: 6

(define (make-tree d) (if (= d 0) (cons '() '()) (cons (make-tree (- d 1)) (make-tree (- d 1)))))
(define (check t) (if (null? (car t)) 1 (+ 1 (check (car t)) (check (cdr t)))))

(define long-lived (make-tree max-depth))

(let loop ((d 4))
  (when (<= d max-depth)
    (let ((iterations (expt 2 (+ (- max-depth d) 4))))
      (let count ((i 0) (sum 0))
        (if (= i iterations)
            (begin (display iterations) (display " trees of depth ") (display d)
                   (display " check ") (display sum) (newline))
            (count (+ i 1) (+ sum (check (make-tree d)))))))
    (loop (+ d 2))))
(display "long lived tree of depth ") (display max-depth)
(display " check ") (display (check long-lived)) (newline)
