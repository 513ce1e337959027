;;; Pasted by tools/bench after prelude-gambit.scm in front of hashtable.scm.
;;; Gambit has no SRFI 69; these are the SRFI 69 names the benchmark uses,
;;; over Gambit's own tables.
(define (make-hash-table . equiv)
  (make-table test: (if (null? equiv) equal? (car equiv))))
(define (hash-table-set! table key value) (table-set! table key value))
(define (hash-table-ref/default table key default) (table-ref table key default))
(define hash-table-absent (list 'absent))
(define (hash-table-exists? table key)
  (not (eq? (table-ref table key hash-table-absent) hash-table-absent)))
(define (hash-table-delete! table key) (table-set! table key))
(define (hash-table-size table) (table-length table))
