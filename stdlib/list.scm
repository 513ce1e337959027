;;; list.scm - list procedures of (scheme base) and SRFI 1 written in Scheme.
;;; Parameters are never named list, so the procedure list stays in reach.
;;; Loops accumulate in reverse and reverse! once, so long lists use no stack.

(define (%all-pairs? lsts)
  (if (null? lsts) #t (and (pair? (car lsts)) (%all-pairs? (cdr lsts)))))

(define (%cars lsts)
  (if (null? lsts) '() (cons (car (car lsts)) (%cars (cdr lsts)))))

(define (%cdrs lsts)
  (if (null? lsts) '() (cons (cdr (car lsts)) (%cdrs (cdr lsts)))))

(define (map f lst . lsts)
  (if (null? lsts)
      (let loop ((l lst) (acc '()))
        (if (pair? l)
            (loop (cdr l) (cons (f (car l)) acc))
            (reverse! acc)))
      (let loop ((ls (cons lst lsts)) (acc '()))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (cons (apply f (%cars ls)) acc))
            (reverse! acc)))))

(define (for-each f lst . lsts)
  (if (null? lsts)
      (let loop ((l lst))
        (when (pair? l)
          (f (car l))
          (loop (cdr l))))
      (let loop ((ls (cons lst lsts)))
        (when (%all-pairs? ls)
          (apply f (%cars ls))
          (loop (%cdrs ls))))))

(define (append-map f lst . lsts)
  (apply append (apply map f lst lsts)))

(define (filter keep? lst)
  (let loop ((l lst) (acc '()))
    (cond ((null? l) (reverse! acc))
          ((keep? (car l)) (loop (cdr l) (cons (car l) acc)))
          (else (loop (cdr l) acc)))))

(define (remove drop? lst)
  (filter (lambda (x) (not (drop? x))) lst))

(define (partition keep? lst)
  (let loop ((l lst) (in '()) (out '()))
    (cond ((null? l) (values (reverse! in) (reverse! out)))
          ((keep? (car l)) (loop (cdr l) (cons (car l) in) out))
          (else (loop (cdr l) in (cons (car l) out))))))

(define (fold kons knil lst . lsts)
  (if (null? lsts)
      (let loop ((l lst) (acc knil))
        (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
      (let loop ((ls (cons lst lsts)) (acc knil))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (apply kons (append (%cars ls) (list acc))))
            acc))))

(define (%shortest-length lsts)
  (let loop ((ls lsts) (n #f))
    (if (null? ls) (or n 0) (loop (cdr ls) (let ((k (length (car ls)))) (if (and n (< n k)) n k))))))

(define (fold-right kons knil lst . lsts)
  (if (null? lsts)
      (let loop ((l (reverse lst)) (acc knil))
        (if (pair? l) (loop (cdr l) (kons (car l) acc)) acc))
      (let* ((all (cons lst lsts))
             (n (%shortest-length all)))
        (let loop ((ls (map (lambda (l) (reverse (take l n))) all)) (acc knil))
          (if (%all-pairs? ls)
              (loop (%cdrs ls) (apply kons (append (%cars ls) (list acc))))
              acc)))))

(define (fold-left f acc lst)
  (if (pair? lst) (fold-left f (f acc (car lst)) (cdr lst)) acc))

(define (reduce f ridentity lst)
  (if (null? lst) ridentity (fold f (car lst) (cdr lst))))

(define (reduce-right f ridentity lst)
  (if (null? lst)
      ridentity
      (let loop ((l (reverse lst)))
        (if (null? (cdr l)) (car l) (f (car l) (loop (cdr l)))))))

(define (iota count . rest)
  (let ((start (if (pair? rest) (car rest) 0))
        (step (if (and (pair? rest) (pair? (cdr rest))) (cadr rest) 1)))
    (unless (and (exact-integer? count) (>= count 0))
      (error "iota: expected a non-negative integer count, got" count))
    (let loop ((i (- count 1)) (acc '()))
      (if (< i 0) acc (loop (- i 1) (cons (+ start (* i step)) acc))))))

(define (any pred lst . lsts)
  (if (null? lsts)
      (let loop ((l lst))
        (cond ((null? l) #f)
              ((null? (cdr l)) (pred (car l)))
              ((pred (car l)) => (lambda (x) x))
              (else (loop (cdr l)))))
      (let loop ((ls (cons lst lsts)))
        (and (%all-pairs? ls)
             (or (apply pred (%cars ls)) (loop (%cdrs ls)))))))

(define (every pred lst . lsts)
  (if (null? lsts)
      (let loop ((l lst))
        (cond ((null? l) #t)
              ((null? (cdr l)) (pred (car l)))
              ((pred (car l)) (loop (cdr l)))
              (else #f)))
      (let loop ((ls (cons lst lsts)) (last #t))
        (if (%all-pairs? ls)
            (let ((r (apply pred (%cars ls))))
              (and r (loop (%cdrs ls) r)))
            last))))

(define (find pred lst)
  (let loop ((l lst))
    (cond ((null? l) #f)
          ((pred (car l)) (car l))
          (else (loop (cdr l))))))

(define (find-tail pred lst)
  (let loop ((l lst))
    (cond ((null? l) #f)
          ((pred (car l)) l)
          (else (loop (cdr l))))))

(define (list-index pred lst . lsts)
  (let loop ((ls (cons lst lsts)) (i 0))
    (cond ((not (%all-pairs? ls)) #f)
          ((apply pred (%cars ls)) i)
          (else (loop (%cdrs ls) (+ i 1))))))

(define (count pred lst . lsts)
  (if (null? lsts)
      (let loop ((l lst) (n 0))
        (if (pair? l) (loop (cdr l) (if (pred (car l)) (+ n 1) n)) n))
      (let loop ((ls (cons lst lsts)) (n 0))
        (if (%all-pairs? ls)
            (loop (%cdrs ls) (if (apply pred (%cars ls)) (+ n 1) n))
            n))))

(define (delete x lst . rest)
  (let ((same? (if (pair? rest) (car rest) equal?)))
    (filter (lambda (y) (not (same? x y))) lst)))

(define (delete-duplicates lst . rest)
  (let ((same? (if (pair? rest) (car rest) equal?)))
    (let loop ((l lst) (acc '()))
      (cond ((null? l) (reverse! acc))
            ((any (lambda (y) (same? y (car l))) acc) (loop (cdr l) acc))
            (else (loop (cdr l) (cons (car l) acc)))))))

(define (last lst)
  (if (pair? (cdr lst)) (last (cdr lst)) (car lst)))

(define (last-pair lst)
  (if (pair? (cdr lst)) (last-pair (cdr lst)) lst))

(define (take lst k)
  (let loop ((l lst) (k k) (acc '()))
    (if (= k 0)
        (reverse! acc)
        (begin
          (unless (pair? l) (error "take: list too short for" k))
          (loop (cdr l) (- k 1) (cons (car l) acc))))))

(define (drop lst k)
  (list-tail lst k))

(define (take-while pred lst)
  (let loop ((l lst) (acc '()))
    (if (and (pair? l) (pred (car l)))
        (loop (cdr l) (cons (car l) acc))
        (reverse! acc))))

(define (drop-while pred lst)
  (let loop ((l lst))
    (if (and (pair? l) (pred (car l))) (loop (cdr l)) l)))

(define (first lst) (car lst))
(define (second lst) (cadr lst))
(define (third lst) (caddr lst))

(define (list-set! lst k obj)
  (set-car! (list-tail lst k) obj))

(define (assq-ref alist key)
  (let ((p (assq key alist))) (and p (cdr p))))

(define (concatenate lsts)
  (apply append lsts))

(define (flatten x)
  (cond ((null? x) '())
        ((pair? x) (append (flatten (car x)) (flatten (cdr x))))
        (else (list x))))
