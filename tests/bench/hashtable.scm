;;; hashtable -- hash tables (SRFI 69): a million fixnum keys inserted into
;;; a table with the default equivalence (equal?), then a million lookups
;;; (a third of them hits), then 200,000 string keys made by number->string
;;; inserted, looked up again through fresh copies, half of them deleted,
;;; and the rest counted.
;;; Measures: hashing, probing, growth, deletion; string hashing and
;;; comparison.
;;; Prints the table sizes and sums that depend on every lookup.

(define n 1000000)  ; smoke: 1000
(define string-n 200000)  ; smoke: 200

;; Keys 0, 3, 6, ...; looking up 0 .. n-1 hits every third one.
(define (fixnum-keys)
  (let ((table (make-hash-table)))
    (do ((i 0 (+ i 1))) ((= i n))
      (hash-table-set! table (* i 3) i))
    (let lookup ((k 0) (hits 0) (sum 0))
      (if (= k n)
          (list (hash-table-size table) hits sum)
          (let ((v (hash-table-ref/default table k #f)))
            (if v
                (lookup (+ k 1) (+ hits 1) (+ sum v))
                (lookup (+ k 1) hits sum)))))))

(define (string-key i) (string-append "key-" (number->string i)))

(define (string-keys)
  (let ((table (make-hash-table)))
    (do ((i 0 (+ i 1))) ((= i string-n))
      (hash-table-set! table (string-key i) i))
    (let ((sum (let lookup ((i 0) (sum 0))
                 (if (= i string-n)
                     sum
                     (lookup (+ i 1) (+ sum (hash-table-ref/default table (string-key i) 0)))))))
      (do ((i 0 (+ i 2))) ((>= i string-n))
        (hash-table-delete! table (string-key i)))
      (let count ((i 0) (present 0))
        (if (= i string-n)
            (list (hash-table-size table) sum present)
            (count (+ i 1) (if (hash-table-exists? table (string-key i)) (+ present 1) present)))))))

(display (fixnum-keys))
(newline)
(display (string-keys))
(newline)
