;;; list.scm - list procedures of (scheme base) and SRFI 1 written in Scheme.
;;; Loops accumulate in reverse and reverse! once, so long lists use no stack.

(define (%all-pairs? lists)
  (if (null? lists) #t (and (pair? (car lists)) (%all-pairs? (cdr lists)))))

(define (%cars lists)
  (if (null? lists) '() (cons (car (car lists)) (%cars (cdr lists)))))

(define (%cdrs lists)
  (if (null? lists) '() (cons (cdr (car lists)) (%cdrs (cdr lists)))))

(define (map f list . lists)
  (if (null? lists)
      (let loop ((l list) (acc '()))
        (if (pair? l)
            (loop (cdr l) (cons (f (car l)) acc))
            (reverse! acc)))
      (let loop ((ls (cons list lists)) (acc '()))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (cons (apply f (%cars ls)) acc))
            (reverse! acc)))))

(define (for-each f list . lists)
  (if (null? lists)
      (let loop ((l list))
        (when (pair? l)
          (f (car l))
          (loop (cdr l))))
      (let loop ((ls (cons list lists)))
        (when (%all-pairs? ls)
          (apply f (%cars ls))
          (loop (%cdrs ls))))))

(define (append-map f list . lists)
  (apply append (apply map f list lists)))

(define (filter keep? list)
  (let loop ((l list) (acc '()))
    (cond ((null? l) (reverse! acc))
          ((keep? (car l)) (loop (cdr l) (cons (car l) acc)))
          (else (loop (cdr l) acc)))))

(define (remove drop? list)
  (filter (lambda (x) (not (drop? x))) list))

(define (partition keep? list)
  (let loop ((l list) (in '()) (out '()))
    (cond ((null? l) (values (reverse! in) (reverse! out)))
          ((keep? (car l)) (loop (cdr l) (cons (car l) in) out))
          (else (loop (cdr l) in (cons (car l) out))))))

(define (fold kons knil list . lists)
  (if (null? lists)
      (let loop ((l list) (acc knil))
        (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
      (let loop ((ls (cons list lists)) (acc knil))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (apply kons (append (%cars ls) (list acc))))
            acc))))

(define (fold-right kons knil list . lists)
  (if (null? lists)
      (let loop ((l (reverse list)) (acc knil))
        (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
      (let loop ((ls (map reverse (cons list lists))) (acc knil))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (apply kons (append (%cars ls) (list acc))))
            acc))))

(define (fold-left f acc list)
  (if (pair? list) (fold-left f (f acc (car list)) (cdr list)) acc))

(define (reduce f ridentity list)
  (if (null? list) ridentity (fold f (car list) (cdr list))))

(define (reduce-right f ridentity list)
  (if (null? list)
      ridentity
      (let loop ((l (reverse list)))
        (if (null? (cdr l)) (car l) (f (car l) (loop (cdr l)))))))

(define (iota count . rest)
  (let ((start (if (pair? rest) (car rest) 0))
        (step (if (and (pair? rest) (pair? (cdr rest))) (cadr rest) 1)))
    (unless (and (exact-integer? count) (>= count 0))
      (error "iota: expected a non-negative integer count, got" count))
    (let loop ((i (- count 1)) (acc '()))
      (if (< i 0) acc (loop (- i 1) (cons (+ start (* i step)) acc))))))

(define (any pred list . lists)
  (if (null? lists)
      (let loop ((l list))
        (cond ((null? l) #f)
              ((null? (cdr l)) (pred (car l)))
              ((pred (car l)) => (lambda (x) x))
              (else (loop (cdr l)))))
      (let loop ((ls (cons list lists)))
        (and (%all-pairs? ls)
             (or (apply pred (%cars ls)) (loop (%cdrs ls)))))))

(define (every pred list . lists)
  (if (null? lists)
      (let loop ((l list))
        (cond ((null? l) #t)
              ((null? (cdr l)) (pred (car l)))
              ((pred (car l)) (loop (cdr l)))
              (else #f)))
      (let loop ((ls (cons list lists)) (last #t))
        (if (%all-pairs? ls)
            (let ((r (apply pred (%cars ls))))
              (and r (loop (%cdrs ls) r)))
            last))))

(define (find pred list)
  (let loop ((l list))
    (cond ((null? l) #f)
          ((pred (car l)) (car l))
          (else (loop (cdr l))))))

(define (find-tail pred list)
  (let loop ((l list))
    (cond ((null? l) #f)
          ((pred (car l)) l)
          (else (loop (cdr l))))))

(define (list-index pred list)
  (let loop ((l list) (i 0))
    (cond ((null? l) #f)
          ((pred (car l)) i)
          (else (loop (cdr l) (+ i 1))))))

(define (count pred list)
  (let loop ((l list) (n 0))
    (if (null? l) n (loop (cdr l) (if (pred (car l)) (+ n 1) n)))))

(define (delete x list . rest)
  (let ((same? (if (pair? rest) (car rest) equal?)))
    (filter (lambda (y) (not (same? x y))) list)))

(define (delete-duplicates list . rest)
  (let ((same? (if (pair? rest) (car rest) equal?)))
    (let loop ((l list) (acc '()))
      (cond ((null? l) (reverse! acc))
            ((any (lambda (y) (same? y (car l))) acc) (loop (cdr l) acc))
            (else (loop (cdr l) (cons (car l) acc)))))))

(define (last list)
  (if (pair? (cdr list)) (last (cdr list)) (car list)))

(define (last-pair list)
  (if (pair? (cdr list)) (last-pair (cdr list)) list))

(define (take list k)
  (let loop ((l list) (k k) (acc '()))
    (if (= k 0)
        (reverse! acc)
        (begin
          (unless (pair? l) (error "take: list too short for" k))
          (loop (cdr l) (- k 1) (cons (car l) acc))))))

(define (drop list k)
  (list-tail list k))

(define (take-while pred list)
  (let loop ((l list) (acc '()))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l) (cons (car l) acc))
        (reverse! acc))))

(define (drop-while pred list)
  (let loop ((l list))
    (if (and (pair? l) (pred (car l))) (loop (cdr l)) l)))

(define (first list) (car list))
(define (second list) (cadr list))
(define (third list) (caddr list))

(define (list-set! list k obj)
  (set-car! (list-tail list k) obj))

(define (assq-ref alist key)
  (let ((p (assq key alist))) (and p (cdr p))))

(define (concatenate lists)
  (apply append lists))

(define (flatten x)
  (cond ((null? x) '())
        ((pair? x) (append (flatten (car x)) (flatten (cdr x))))
        (else (list x))))
