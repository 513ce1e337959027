; A persistent binary search tree of (key . value) nodes built from vectors #(key value left right):
; insertion, lookup, deletion of leaves and of nodes with one or two children, in-order walks,
; range queries, and a check that old versions are unchanged after updates.

(define empty '())
(define (node k v l r) (vector k v l r))
(define (key t) (vector-ref t 0))
(define (value t) (vector-ref t 1))
(define (left t) (vector-ref t 2))
(define (right t) (vector-ref t 3))

(define (insert t k v)
  (cond ((null? t) (node k v empty empty))
        ((< k (key t)) (node (key t) (value t) (insert (left t) k v) (right t)))
        ((> k (key t)) (node (key t) (value t) (left t) (insert (right t) k v)))
        (else (node k v (left t) (right t)))))

(define (lookup t k)
  (cond ((null? t) #f)
        ((< k (key t)) (lookup (left t) k))
        ((> k (key t)) (lookup (right t) k))
        (else (value t))))

(define (minimum t) (if (null? (left t)) t (minimum (left t))))

(define (delete t k)
  (cond ((null? t) t)
        ((< k (key t)) (node (key t) (value t) (delete (left t) k) (right t)))
        ((> k (key t)) (node (key t) (value t) (left t) (delete (right t) k)))
        ((null? (left t)) (right t))
        ((null? (right t)) (left t))
        (else (let ((successor (minimum (right t))))
                (node (key successor) (value successor) (left t) (delete (right t) (key successor)))))))

(define (in-order t)
  (let walk ((t t) (acc '()))
    (if (null? t) acc (walk (left t) (cons (key t) (walk (right t) acc))))))

(define (height t) (if (null? t) 0 (+ 1 (max (height (left t)) (height (right t))))))
(define (size t) (if (null? t) 0 (+ 1 (size (left t)) (size (right t)))))

(define (range t lo hi)
  (cond ((null? t) '())
        ((< (key t) lo) (range (right t) lo hi))
        ((> (key t) hi) (range (left t) lo hi))
        (else (append (range (left t) lo hi) (list (cons (key t) (value t))) (range (right t) lo hi)))))

(define (valid? t)
  (let check ((t t) (lo #f) (hi #f))
    (or (null? t)
        (and (or (not lo) (> (key t) lo))
             (or (not hi) (< (key t) hi))
             (check (left t) lo (key t))
             (check (right t) (key t) hi)))))

(define (show t) (display (in-order t)) (display " size ") (display (size t))
  (display " height ") (display (height t)) (display (if (valid? t) " valid" " INVALID")) (newline))

(define keys '(50 30 70 20 40 60 80 35 45 65 10))
(define t (fold (lambda (k t) (insert t k (* k 10))) empty keys))
(show t)
(display (map (lambda (k) (lookup t k)) '(50 35 65 99 10))) (newline)
(display (range t 33 62)) (newline)

(define t1 (delete t 10))          ; a leaf
(define t2 (delete t1 20))         ; now a leaf as well
(define t3 (delete t2 60))         ; one child (65), which moves up
(define t4 (delete t3 30))         ; only a right child (40) left: it moves up
(define t5 (delete t4 50))         ; the root, with two children: replaced by its successor 65
(for-each show (list t1 t2 t3 t4 t5))
(display "root after deleting 50: ") (display (key t5)) (newline)
(display "deleting a missing key changes nothing: ") (display (equal? (in-order (delete t5 999)) (in-order t5))) (newline)
(display "the original is untouched: ") (display (equal? (in-order t) (sort keys <))) (newline)
(display "updated value: ") (display (lookup (insert t 40 'forty) 40)) (display " old: ") (display (lookup t 40)) (newline)

;; a larger tree from a pseudo-random permutation, emptied again in another order
(define (permutation n seed)
  (let loop ((i 0) (x seed) (acc '()))
    (if (= i n) acc
        (let ((next (modulo (* x 16807) 2147483647)))
          (loop (+ i 1) next (cons (modulo next 1000) acc))))))
(define big-keys (delete-duplicates (permutation 400 42)))
(define big (fold (lambda (k t) (insert t k #t)) empty big-keys))
(display (list (size big) (= (size big) (length big-keys)) (valid? big)
               (equal? (in-order big) (sort big-keys <)))) (newline)
(define emptied (fold (lambda (k t) (let ((t2 (delete t k))) (if (valid? t2) t2 (error "invalid after delete" k))))
                      big (reverse big-keys)))
(display (list 'emptied (null? emptied))) (newline)
