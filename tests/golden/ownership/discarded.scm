; An owned value made or returned and then dropped.
(define (make) (owned 'thing))
(owned 5)
(make)
(let ((f (owned 1)))
  (move f)
  'done)
