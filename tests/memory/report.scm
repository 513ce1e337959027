;; The memory report (ESHKOL_MEMSTATS=1) counts what happened: checked by
;; tests/memory/rss.py against the numbers derived in these comments.
(define g #f)
(define v (make-vector 1 #f))
(define (fresh-list) (list 1 2))        ; returned: region tier
(define (fresh-vector) (vector 'x))     ; returned: region tier

;; region 1: a global is set to the region's list: the store check
;; remembers the slot and promotes the 2 pairs when the region exits
(with-region (set! g (fresh-list)))
;; region 2: a vector stored into an older vector: 1 object promoted
(with-region (vector-set! v 0 (fresh-vector)))
;; region 3: the result, 1 pair, is promoted (not by the store check)
(define r (with-region (cons 'a 'b)))

(display (list g v r))
(newline)
;; regions created: 3; promotions: 4 objects (3 by the store check)
