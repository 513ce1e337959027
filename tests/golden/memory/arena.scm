;; Explicit arenas: make-arena, arena-alloc, copy-to-arena, destroy-arena.
(define a (make-arena 4096))
(display (arena? a)) (display (arena? 'a)) (newline)

;; a bytevector living in the arena
(define bv (arena-alloc a 8))
(display (bytevector-length bv)) (newline)
(bytevector-u8-set! bv 0 7)
(bytevector-u8-set! bv 7 255)
(display bv) (newline)
(display (bytevector-copy bv 0 2)) (newline)

;; a deep copy: equal, not eq, sharing and cycles kept, symbols shared
(define original (list 'sym "text" (vector 1 2.5 (list 3)) (expt 10 30)))
(define copy (copy-to-arena original a))
(display (equal? original copy)) (display (eq? original copy)) (newline)
(display (eq? (car original) (car copy))) (newline)
(define shared (list 1 2))
(define twice (copy-to-arena (cons shared shared) a))
(display (eq? (car twice) (cdr twice))) (newline)
(define ring (list 'a 'b))
(set-cdr! (cdr ring) ring)
(define ring2 (copy-to-arena ring a))
(display (list (car ring2) (cadr ring2) (caddr ring2))) (newline)

;; mutating the copy leaves the original alone
(set-car! copy 'changed)
(display (car original)) (newline)

;; a value made in a region and stored into the arena's copy is copied there
(with-region (vector-set! (caddr copy) 0 (list 'from 'region)))
(display (vector-ref (caddr copy) 0)) (newline)

(display a) (newline)
(destroy-arena a)
(display a) (newline)

;; using the arena or its bytevector afterwards is an error, caught here
(define (try thunk)
  (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
    (thunk)))
(try (lambda () (bytevector-u8-ref bv 0)))
(try (lambda () (arena-alloc a 4)))
(try (lambda () (destroy-arena a)))
(try (lambda () (make-arena -1)))
(display "done") (newline)
