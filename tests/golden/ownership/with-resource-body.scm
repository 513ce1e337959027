; with-resource consumes its value when the body exits: the body may only
; borrow it.
(with-resource (r (list 1 2 3))
  (display (length r))
  (consume r))
