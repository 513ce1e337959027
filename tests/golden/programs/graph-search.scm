; Graph algorithms over adjacency lists: breadth-first shortest paths, depth-first order, cycle detection,
; topological sort, connected components, and Dijkstra's algorithm on a weighted graph.

(define (neighbors graph node)
  (let ((entry (assq node graph))) (if entry (cdr entry) '())))
(define (nodes graph) (map car graph))

;; ---- breadth-first search: the shortest path by number of edges, with a simple two-list queue
(define (bfs-path graph start goal)
  (let loop ((front (list (list start))) (back '()) (visited (list start)))
    (cond ((and (null? front) (null? back)) #f)
          ((null? front) (loop (reverse back) '() visited))
          (else
           (let* ((path (car front)) (node (car path)))
             (if (eq? node goal)
                 (reverse path)
                 (let scan ((ns (neighbors graph node)) (back back) (visited visited))
                   (cond ((null? ns) (loop (cdr front) back visited))
                         ((memq (car ns) visited) (scan (cdr ns) back visited))
                         (else (scan (cdr ns) (cons (cons (car ns) path) back) (cons (car ns) visited)))))))))))

;; ---- depth-first search: nodes in the order they are first reached
(define (dfs-order graph start)
  (let visit ((node start) (seen '()))
    (if (memq node seen)
        seen
        (fold (lambda (n acc) (visit n acc))
              (cons node seen)
              (neighbors graph node)))))
(define (dfs graph start) (reverse (dfs-order graph start)))

;; ---- cycle detection and topological sort for directed graphs
(define (topological-sort graph)
  (call/cc
    (lambda (fail)
      (let ((state '()) (order '()))   ; state: alist node -> visiting | done
        (define (visit node)
          (case (let ((s (assq node state))) (and s (cdr s)))
            ((done) #t)
            ((visiting) (fail (list 'cycle-through node)))
            (else
             (set! state (cons (cons node 'visiting) state))
             (for-each visit (neighbors graph node))
             (set! state (cons (cons node 'done) state))
             (set! order (cons node order)))))
        (for-each visit (nodes graph))
        order))))

;; ---- connected components of an undirected graph
(define (components graph)
  (let loop ((remaining (nodes graph)) (seen '()) (result '()))
    (cond ((null? remaining) (reverse result))
          ((memq (car remaining) seen) (loop (cdr remaining) seen result))
          (else
           (let ((component (dfs graph (car remaining))))
             (loop (cdr remaining) (append component seen) (cons component result)))))))

;; ---- Dijkstra with a sorted list as the frontier; edges are (node . weight)
(define (dijkstra graph source)
  (let loop ((frontier (list (cons 0 source))) (done '()))
    (if (null? frontier)
        (sort done (lambda (a b) (string<? (symbol->string (car a)) (symbol->string (car b)))))
        (let* ((best (car frontier)) (dist (car best)) (node (cdr best)))
          (if (assq node done)
              (loop (cdr frontier) done)
              (loop (sort (append (map (lambda (edge) (cons (+ dist (cdr edge)) (car edge)))
                                       (neighbors graph node))
                                  (cdr frontier))
                          (lambda (a b) (< (car a) (car b))))
                    (cons (cons node dist) done)))))))

(define city
  '((a b c) (b a d e) (c a f) (d b) (e b f) (f c e g) (g f) (h i) (i h)))
(display "bfs a->g: ") (display (bfs-path city 'a 'g)) (newline)
(display "bfs d->c: ") (display (bfs-path city 'd 'c)) (newline)
(display "bfs a->h: ") (display (bfs-path city 'a 'h)) (newline)
(display "dfs from a: ") (display (dfs city 'a)) (newline)
(display "components: ") (display (components city)) (newline)

(define tasks
  '((wake shower dress) (shower dress) (dress shoes leave) (coffee leave) (shoes leave) (leave)))
(display "topological: ") (display (topological-sort tasks)) (newline)
(define cyclic '((x y) (y z) (z x)))
(display "cyclic: ") (display (topological-sort cyclic)) (newline)

(define roads
  '((home (shop . 4) (park . 1))
    (park (shop . 2) (school . 7))
    (shop (school . 3) (home . 4))
    (school (office . 1))
    (office)))
(display "shortest distances from home:") (newline)
(for-each (lambda (p) (display "  ") (display (car p)) (display " ") (display (cdr p)) (newline))
          (dijkstra roads 'home))
