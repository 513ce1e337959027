;;; eshkolc: --dump-escape
;; Which calls region inference (compiler/regions.cpp) gives a region of
;; their own: a call whose value is only used as a number, made of calls,
;; constants and unassigned variables, calling a known procedure that
;; allocates in a loop or a recursion, and nothing that can call back the
;; procedure the call is in. Each such call shows as one "inferred-region"
;; line.

;; allocates in a loop: a list, one pair per element
(define (count-up n)
  (let loop ((i 0) (acc '()))
    (if (= i n) (length acc) (loop (+ i 1) (cons i acc)))))

;; a loop that allocates nothing
(define (sum-to n)
  (do ((i 0 (+ i 1)) (s 0 (+ s i))) ((= i n) s)))

;; allocates, but once: no loop, no recursion
(define (pair-sum a b)
  (let ((p (cons a b))) (+ (car p) (cdr p))))

;; recursive, allocating on each level
(define (build depth)
  (if (= depth 0) '() (cons depth (build (- depth 1)))))
(define (tree-size depth) (length (build depth)))

;; calls itself: no region per level of its recursion, but (length (build 2))
;; is a number computed by an allocating recursion: yes
(define (countdown n)
  (if (= n 0)
      0
      (let ((m (- n 1)))
        (+ (length (build 2)) (countdown m)))))

;; a value made only to compute a number: the let moves into the region
(define (sink n)
  (let ((lst (build n)))
    (list 'size (+ 1 (length lst)))))  ; yes: the let and (length lst)
(define (no-sink n)
  (let ((lst (build n)))
    (display "made")                   ; no: the body is a sequence
    (+ 1 (length lst))))
(define (no-sink-2 n)
  (let ((lst (build n)))
    (+ (length lst) (car lst))))       ; no: lst is read twice
(define (no-sink-3 n)
  (let ((lst (build n)))
    (if (> n 0) (+ 1 (length lst)) 0)))  ; no: the read is under an if

(define (main n)
  (let ((k 10))
    (list
     (+ 1 (count-up 5))                 ; yes
     (* 2 (count-up k))                 ; yes: k is never assigned
     (+ 1 (count-up (+ k 1)))           ; yes: (+ k 1) is computed in the region
     (length (list (count-up 3)))       ; no: (count-up 3)'s value is not used as a number
     (+ 1 (sum-to 5))                   ; no: sum-to allocates nothing
     (+ 1 (pair-sum 1 2))               ; no: pair-sum allocates once
     (+ 1 (tree-size 3))                ; yes
     (+ n (count-up n))                 ; yes
     (let ((j (+ k 1))) (+ j (count-up j)))  ; yes
     (let ((j 0)) (set! j 3) (+ j (count-up j)))  ; no: j is assigned
     (countdown 2)
     (sink 2) (no-sink 2) (no-sink-2 2) (no-sink-3 2))))

(display (main 4))
(newline)
