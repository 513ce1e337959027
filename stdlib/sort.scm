;;; sort.scm - stable merge sort for lists and vectors (SRFI 132 names).

(define (%merge a b less?)
  (let loop ((a a) (b b) (acc '()))
    (cond ((null? a) (append-reverse! acc b))
          ((null? b) (append-reverse! acc a))
          ((less? (car b) (car a)) (loop a (cdr b) (cons (car b) acc)))
          (else (loop (cdr a) b (cons (car a) acc))))))

;; Sorts the first n elements of list; returns the sorted list and the rest.
(define (%sort-prefix list n less?)
  (if (<= n 1)
      (if (= n 0)
          (values '() list)
          (values (cons (car list) '()) (cdr list)))
      (let ((half (quotient n 2)))
        (call-with-values (lambda () (%sort-prefix list half less?))
          (lambda (left rest)
            (call-with-values (lambda () (%sort-prefix rest (- n half) less?))
              (lambda (right rest)
                (values (%merge left right less?) rest))))))))

(define (list-sort less? list)
  (call-with-values (lambda () (%sort-prefix list (length list) less?))
    (lambda (sorted rest) sorted)))

;; (sort sequence less?) as in most Schemes: a list or a vector.
(define (sort sequence less?)
  (if (vector? sequence)
      (vector-sort less? sequence)
      (list-sort less? sequence)))

(define (sort! sequence less?)
  (sort sequence less?))

(define (vector-sort less? v)
  (list->vector (list-sort less? (vector->list v))))

(define (vector-sort! v less?)
  (let loop ((l (list-sort less? (vector->list v))) (i 0))
    (when (pair? l)
      (vector-set! v i (car l))
      (loop (cdr l) (+ i 1)))))

(define (list-merge less? a b)
  (%merge a b less?))
