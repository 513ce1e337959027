; Escaping through dynamic-wind with a continuation runs the after thunks, innermost first.
(define trace '())
(define (note x) (set! trace (cons x trace)))
(define result
  (call/cc
    (lambda (k)
      (dynamic-wind
        (lambda () (note 'before-1))
        (lambda ()
          (dynamic-wind
            (lambda () (note 'before-2))
            (lambda () (note 'body) (k 'escaped) (note 'not-reached))
            (lambda () (note 'after-2))))
        (lambda () (note 'after-1))))))
(display result) (newline)
(display (reverse trace)) (newline)
; escaping only the inner extent leaves the outer one active (guile 3.0.8 also leaves and re-enters it)
(set! trace '())
(dynamic-wind
  (lambda () (note 'outer-in))
  (lambda ()
    (call/cc
      (lambda (k)
        (dynamic-wind (lambda () (note 'inner-in)) (lambda () (k 0)) (lambda () (note 'inner-out)))))
    (note 'after-escape))
  (lambda () (note 'outer-out)))
(display (reverse trace)) (newline)
; an escape from a loop inside a wind, several times
(set! trace '())
(define (try n)
  (call/cc
    (lambda (k)
      (dynamic-wind
        (lambda () (note (list 'enter n)))
        (lambda () (let loop ((i 0)) (if (= i n) (k i) (loop (+ i 1)))))
        (lambda () (note (list 'leave n)))))))
(let* ((a (try 2)) (b (try 0))) (display (list a b)) (newline))
(display (reverse trace)) (newline)
; the after thunk sees the state left by the body
(define resource 'closed)
(define seen #f)
(call/cc
  (lambda (k)
    (dynamic-wind
      (lambda () (set! resource 'open))
      (lambda () (k 'bail))
      (lambda () (set! seen resource) (set! resource 'closed)))))
(display (list seen resource)) (newline)
