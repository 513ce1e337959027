;;; graph.scm - a tree whose children point back at their parent through
;;; weak references, with shared (reference-counted) nodes.
;;;   tools/run examples/graph.scm
;;;
;;; Strong references only go down; the way up is a weak reference, so
;;; there is no strong cycle and dropping the last owner of a node frees it
;;; (its destructor runs at that moment), and its children see it gone.
;;; A shared node is used as the record it holds: node accessors and
;;; setters take it as they are (shared-value is there for unwrapping).
(define-record-type node
  (make-node name parent children)
  node?
  (name node-name)
  (parent node-parent set-node-parent!)
  (children node-children set-node-children!))

(define (new-node name)
  (shared (make-node name #f '())
          (lambda (n) (display "  freed ") (display (node-name n)) (newline))))

(define (adopt! parent child)
  (set-node-parent! child (weak-ref parent))
  (set-node-children! parent (cons child (node-children parent))))

(define (parent-of child)
  (let ((p (strong-ref (node-parent child))))
    (if p (node-name p) 'none)))

(define top (new-node 'top))
(define left (new-node 'left))
(define right (new-node 'right))
(adopt! top left)
(adopt! top right)

(display (map node-name (node-children top)))
(newline)
(display (list 'parents (parent-of left) (parent-of right)))
(newline)
;; top: one owner (its global); left and right: their globals and top's list
(display (list 'counts (ref-count top) (ref-count left) (ref-count right)))
(newline)

(display "dropping top:\n")
(set! top #f)
(display (list 'parents (parent-of left) (parent-of right)))
(newline)
(display "end of program\n")
