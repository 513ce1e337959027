; An owned value moved into a data structure leaves the compile-time check;
; taking it out again with move checks at run time that it is still live.
(define shelf (vector #f #f))
(let ((a (owned "first")) (b (owned "second")))
  (vector-set! shelf 0 (move a))
  (vector-set! shelf 1 (move b)))
(let ((x (move (vector-ref shelf 0))))
  (display x)
  (newline)
  (consume x))
(consume (vector-ref shelf 1))
(display "both consumed")
(newline)

; A record constructor or setter is a procedure that takes the owned value
; into the record.
(define-record-type holder (make-holder item) holder? (item holder-item set-holder-item!))
(let ((f (owned "in a record")))
  (let ((h (make-holder f)))
    (let ((x (move (holder-item h))))
      (display x)
      (newline)
      (consume x))
    (set-holder-item! h (owned "second"))
    (consume (holder-item h))
    (display "record done")
    (newline)))
