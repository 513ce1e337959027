;; A C resource as a shared value, the seed's db-connect shape: the
;; destructor (a C function) runs exactly once, when the last reference
;; goes; a value used as its contents goes to C as the pointer it holds.
(c-include "ffi_helpers.h" "<stdio.h>")
(define-c-procedure resource-open "resource_open" (string) (pointer resource))
(define-c-procedure resource-use "resource_use" ((pointer resource)) int)
(define-c-procedure resource-close "resource_close" ((pointer resource)) void)
(define-c-procedure resource-count-open "resource_count_open" () int)
(define-c-procedure c-fflush "fflush" (pointer) int)

(define (connect name) (shared (resource-open name) resource-close))

(define (use-twice conn)
  (resource-use (shared-value conn))
  (resource-use (shared-value conn)))

(let ((db (connect "first")))
  (let ((alias db))
    (display (list 'uses (use-twice alias) 'refs (ref-count db))) (newline))
  (display (list 'open (resource-count-open))) (newline))
(c-fflush #f)
(display (list 'after-let 'open (resource-count-open))) (newline)

;; a cache of connections in a shared hash table, as seed 002 writes it:
;; a container's region holds what it stores until the region ends
;; (docs/shared.md), here the root region, so deleting the entry closes
;; nothing and both close, once each, when the program ends
(define pool (shared (make-hash-table string=?)))
(hash-table-set! pool "a" (connect "pooled-a"))
(hash-table-set! pool "b" (connect "pooled-b"))
(display (list 'pooled (resource-count-open))) (newline)
(use-twice (hash-table-ref pool "a" (lambda () #f)))
(hash-table-delete! pool "a")
(c-fflush #f)
(display (list 'deleted-a 'open (resource-count-open))) (newline)
