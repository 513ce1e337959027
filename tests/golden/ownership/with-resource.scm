; with-resource consumes its value however the body exits: normally, by a
; raise caught outside, or by a continuation escaping. A closure that
; borrowed the value and runs afterwards gets the run-time error.
(define peek #f)
(define (try thunk)
  (guard (e ((error-object? e) (display (error-object-message e)) (newline)))
    (display (thunk))
    (newline)))

(display (with-resource (r (list 1 2 3))
  (set! peek (lambda () (length r)))
  (display "body sees ")
  (display (peek))
  (newline)
  'normal-exit))
(newline)
(try peek)

(guard (e ((symbol? e) (display "caught ") (display e) (newline)))
  (with-resource (r (vector 'a 'b))
    (set! peek (lambda () (vector-length r)))
    (display (peek))
    (newline)
    (raise 'boom)))
(try peek)

(display (call/cc
  (lambda (k)
    (with-resource (r (string-copy "abc"))
      (set! peek (lambda () (string-length r)))
      (k (peek))
      'not-reached))))
(newline)
(try peek)

(define (lines-of r) (length r))  ; lent the resource by the body
(with-resource (r (list "one" "two"))
  (let loop ((i 0))
    (when (< i 2)
      (display (lines-of r))
      (loop (+ i 1))))
  (newline))
