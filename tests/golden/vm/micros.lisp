;; defmicro: expanded inline at every use. The arguments are evaluated
;; once, left to right, into the micro's parameters; the body sees those,
;; its own defines and the globals, never the locals of the place it is
;; used. Both spellings work: (defmicro (name p ...) body) and the seed's
;; (defmicro name (p ...) body).
(defmicro (square x) (* x x))
(defmicro twice (x) (+ x x))
(print (square 7))                 ; 49
(print (twice 21))                 ; 42

(define calls 0)
(define (next)
  (do
    (set calls (+ calls 1))
    calls))
(print (square (next)))            ; (next) runs once: 1 * 1 = 1
(print calls)                      ; 1

(defmicro (cube x)
  (do
    (define sq (square x))         ; a micro using a micro, with a local
    (* sq x)))
(print (cube 3))                   ; 27

(define base 100)
(defmicro (plus-base x) (+ x base))
(define (f base) (plus-base base)) ; x is f's base (1); the body's base is
(print (f 1))                      ; the global: 101

(defmicro (field p i) (mem-read (+ p i)))
(defmicro (set-field p i v) (mem-write (+ p i) v))
(set-field 20000 0 11)
(set-field 20000 1 22)
(print (+ (field 20000 0) (field 20000 1)))   ; 33

(define t 0)
(for (i 0 4) (set t (+ t (square i))))
(print t)                          ; 0+1+4+9 = 14

(defmicro (heap-base) 16384)
(heap-base)                        ; 16384
