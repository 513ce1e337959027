;; with-region: the body's result is promoted into the enclosing region,
;; sharing and cycles kept, objects from older regions not copied.
(define old (list 'a 'b))

(define r1 (with-region (list 1 2 (vector 3 "four" 5.5) old)))
(write r1) (newline)
(display (eq? (list-ref r1 3) old)) (newline)          ; older: not copied

;; sharing inside the result survives promotion
(define r2 (with-region 'shared
             (let* ((tail (list 'x 'y))
                    (both (cons tail tail)))
               both)))
(display (eq? (car r2) (cdr r2))) (newline)

;; a cycle survives promotion
(define r3 (with-region ('cyclic 4096)
             (let ((l (list 1 2 3)))
               (set-cdr! (cddr l) l)
               l)))
(display (list (car r3) (cadr r3) (caddr r3) (cadddr r3))) (newline)
(display (eq? r3 (cdddr r3))) (newline)

;; nested regions: the inner result goes to the outer, then to the root
(define r4 (with-region 'outer
             (let ((inner (with-region 'inner (string-append "in" "ner"))))
               (list inner (string-append inner "/outer")))))
(write r4) (newline)

;; immediates and multiple values come through unchanged
(display (with-region 42)) (newline)
(call-with-values (lambda () (with-region (values 1 (list 2 3))))
  (lambda (a b) (display (list a b)) (newline)))

;; strings, bignums, rationals, flonums, records, closures, promises
(define-record-type point (make-point x y) point? (x point-x) (y point-y set-point-y!))
(define r5 (with-region
             (list (string #\λ #\x) (expt 2 100) (/ 1 3) (sqrt 2.0)
                   (make-point 1 (list 2)) (delay (+ 1 2)))))
(write (list-ref r5 0)) (newline)
(display (list-ref r5 1)) (newline)
(display (list-ref r5 2)) (newline)
(display (list-ref r5 3)) (newline)
(display (point-y (list-ref r5 4))) (newline)
(display (force (list-ref r5 5))) (newline)
