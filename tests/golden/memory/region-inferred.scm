;;; Region inference (compiler/regions.cpp): every marked call below has a
;;; value used only as a number, and a callee that allocates in a loop, so the
;;; compiler runs it in a region of its own. Whatever the callee leaves
;;; reachable must survive the region, exactly as with an explicit
;;; with-region: stored into globals, vectors and captured variables,
;;; returned as a heap number, raised, or passed to an escaping continuation.

(define saved '())
(define table (make-vector 2 #f))

;; A list built in a loop; parts of it stored in a global and in a vector.
(define (build-and-keep n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        (begin
          (set! saved acc)
          (vector-set! table 0 (list 'kept (car acc)))
          (length acc))
        (loop (+ i 1) (cons (* i i) acc)))))

(display (+ 0 (build-and-keep 5)))            ; inferred region
(newline)
(display saved)                                ; (16 9 4 1 0)
(newline)
(display (vector-ref table 0))                 ; (kept 16)
(newline)

;; A heap number (a bignum, a flonum) as the value: copied out of the region.
(define (big-product n)
  (let loop ((i 1) (factors '()))
    (if (> i n)
        (apply * factors)
        (loop (+ i 1) (cons (+ i 1000000000000) factors)))))
(display (* 1 (big-product 3)))                ; inferred region
(newline)
(define (mean n)
  (let loop ((i 1) (xs '()))
    (if (> i n)
        (/ (apply + xs) (exact->inexact n))
        (loop (+ i 1) (cons i xs)))))
(display (+ 0.5 (mean 4)))                     ; 3.0
(newline)

;; Raised: the condition and its irritants leave the region in flight.
(define (fail-with-list n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        (error "too many" acc (vector 'v i))
        (loop (+ i 1) (cons i acc)))))
(display (guard (e ((error-object? e)
                    (list (error-object-message e) (error-object-irritants e))))
  (+ 1 (fail-with-list 3))))                   ; inferred region
(newline)

;; Passed to an escaping continuation.
(define (escape-with-list k n)
  (let loop ((i 0) (acc '()))
    (if (= i n)
        (k (list->string (map (lambda (c) (char-upcase c)) acc)))
        (loop (+ i 1) (cons (string-ref "abcdef" i) acc)))))
(display (call-with-current-continuation
          (lambda (k) (+ 1 (escape-with-list k 4)))))  ; inferred region
(newline)

;; Stored into a variable captured by a closure made before the call.
(define (make-box)
  (let ((contents '()))
    (lambda (op . args)
      (if (eq? op 'put) (set! contents (car args)) contents))))
(define box (make-box))
(define (fill-box n)
  (let loop ((i 0))
    (when (< i n)
      (box 'put (map (lambda (x) (* x i)) '(1 2 3)))
      (loop (+ i 1))))
  n)
(display (- (fill-box 4) 4))                   ; inferred region
(newline)
(display (box 'get))                           ; (3 6 9)
(newline)

;; Many calls: each region's memory is reused by the next; every list kept
;; is still intact afterwards.
(define kept '())
(define (churn i)
  (let loop ((k 0) (acc '()))
    (if (= k 100)
        (begin (when (= (remainder i 250) 0) (set! kept (cons acc kept)))
               (length acc))
        (loop (+ k 1) (cons (list i k) acc)))))
(define (run n)
  (let loop ((i 0) (total 0))
    (if (= i n) total (loop (+ i 1) (+ total (churn i))))))  ; inferred region
(display (run 1000))                           ; 100000
(newline)
(display (map (lambda (l) (car l)) kept))      ; the first element of each kept list
(newline)

;; A value made only to compute a number: the let and the use move into
;; the region; the effects keep their order (the list is built first).
(define (noisy-build n)
  (display "[build]")
  (let loop ((i 0) (acc '()))
    (if (= i n) acc (loop (+ i 1) (cons (list i) acc)))))
(define (noisy-size l)
  (display "[size]")
  (length l))
(define (report n)
  (let ((l (noisy-build n)))
    (display (list 'total (+ 100 (noisy-size l))))))   ; inferred region
(report 3)
(newline)
