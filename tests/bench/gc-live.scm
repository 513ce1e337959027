;;; gc-live -- a large live set under churn: a vector of 400,000 lists of
;;; 16 numbers (6.4 million pairs, about 100 MB) stays live while as many
;;; short-lived lists are built again ten times over; every 64th new list
;;; replaces the old one in its slot, so old objects keep pointing to young
;;; ones. Measures: the collector with 100 MB live (ESHKOL_MEMSTATS=1
;;; prints the pauses). Prints a checksum of the vector.

(define slots 400000)  ; smoke: 1000
(define rounds 10)  ; smoke: 2

(define (numbers n start)
  (let loop ((i 0) (acc '())) (if (= i n) acc (loop (+ i 1) (cons (+ start i) acc)))))
(define (sum l) (let loop ((l l) (s 0)) (if (null? l) s (loop (cdr l) (+ s (car l))))))

(define live (make-vector slots '()))
(do ((i 0 (+ i 1))) ((= i slots)) (vector-set! live i (numbers 16 i)))

(do ((r 0 (+ r 1))) ((= r rounds))
  (do ((i 0 (+ i 1))) ((= i slots))
    (let ((young (numbers 16 (+ i r))))
      (if (= 0 (remainder i 64)) (vector-set! live i young)))))

(display (let loop ((i 0) (s 0)) (if (= i slots) s (loop (+ i 1) (+ s (sum (vector-ref live i)))))))
(newline)
