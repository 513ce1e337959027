;;; eshkolc: --dump-escape
;; A program that makes shared values gets no inferred regions: a region
;; releases the shared values its objects hold when it exits, which
;; ref-count, weak references and destructors would show. (count-up 5)
;; would get one otherwise (region-inferred-sites.scm).
(define cache (shared (list 'cache)))

(define (count-up n)
  (let loop ((i 0) (acc '()))
    (if (= i n) (length acc) (loop (+ i 1) (cons cache acc)))))

(display (+ 1 (count-up 5)))
(newline)
(display (ref-count cache))
(newline)
