; Moves hand a value on; only the last holder consumes it.
(let* ((a (owned "chain"))
       (b (move a))
       (c b)            ; binding an owned variable to another name moves it too
       (d (move c)))
  (display d)
  (newline)
  (consume d))

(define (pass-on x) x)  ; returns what it was given: its result is owned
(define (finish x) (display "finished ") (display x) (newline) (consume x))
(let ((v (owned 42)))
  (finish (pass-on (pass-on v))))

(define (make-counter-value n) (owned (* n n)))
(let ((m (make-counter-value 9)))
  (display m)
  (newline)
  (consume m))

(define (relay x) (finish x))
(relay (owned 'relayed))

(let ((f (owned 1)))
  (consume f)
  (set! f (owned 2))  ; a consumed variable may hold a new owned value
  (display f)
  (newline)
  (consume f))
