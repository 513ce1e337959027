;; A tree whose children point back at their parent through weak
;; references: no strong cycle, so releasing the root's last owner destroys
;; it, and the children see their parent gone.
(define-record-type node
  (make-node name parent children)
  node?
  (name node-name)
  (parent node-parent set-node-parent!)
  (children node-children set-node-children!))

(define (announce n) (display "  destroy ") (display (node-name n)) (newline))
(define (new-node name) (shared (make-node name #f '()) announce))
(define (add-child! parent child)
  (set-node-parent! (shared-value child) (weak-ref parent))
  (set-node-children! (shared-value parent) (cons child (node-children (shared-value parent)))))
(define (parent-name child)
  (let ((p (strong-ref (node-parent (shared-value child)))))
    (if p (node-name (shared-value p)) 'gone)))

(define root (new-node 'root))
(define a (new-node 'a))
(define b (new-node 'b))
(add-child! root a)
(add-child! root b)
(display (map (lambda (c) (node-name (shared-value c))) (node-children (shared-value root))))
(newline)
(display (list (parent-name a) (parent-name b)))
(newline)
;; the children are held by their globals and by the region of root's list
(display (list (ref-count root) (ref-count a) (ref-count b)))
(newline)
(set! root #f)
(display (list (parent-name a) (parent-name b)))
(newline)
(set! a #f)
(display "a's global released; the root region still holds a and b\n")
