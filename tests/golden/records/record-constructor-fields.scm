; A constructor may take a subset of the fields, in any order; fields it omits are set with modifiers later.
(define-record-type <node>
  (make-node value)
  node?
  (value node-value)
  (next node-next set-node-next!))
(define n1 (make-node 1))
(define n2 (make-node 2))
(set-node-next! n1 n2)
(set-node-next! n2 '())
(display (list (node-value n1) (node-value (node-next n1)) (node-next n2))) (newline)
(define-record-type rect
  (make-rect height width)
  rect?
  (width rect-width)
  (height rect-height)
  (label rect-label set-rect-label!))
(define r (make-rect 3 10))
(display (list (rect-width r) (rect-height r))) (newline)
(set-rect-label! r "wide")
(display (rect-label r)) (newline)
(define-record-type empty-thing (make-empty-thing) empty-thing?)
(define e (make-empty-thing))
(display (list (empty-thing? e) (empty-thing? r) (rect? e))) (newline)
(define-record-type triple (make-triple c b a) triple? (a triple-a) (b triple-b) (c triple-c))
(define t (make-triple 'C 'B 'A))
(display (list (triple-a t) (triple-b t) (triple-c t))) (newline)
