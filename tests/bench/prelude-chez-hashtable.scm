;;; Pasted by tools/bench in front of hashtable.scm for Chez Scheme, which
;;; has R6RS hashtables: the SRFI 69 names the benchmark uses, over them.
(define (make-hash-table . equiv)
  (let ((same? (if (null? equiv) equal? (car equiv))))
    (cond ((eq? same? eq?) (make-eq-hashtable))
          ((eq? same? eqv?) (make-eqv-hashtable))
          ((eq? same? string=?) (make-hashtable string-hash string=?))
          (else (make-hashtable equal-hash same?)))))
(define (hash-table-set! table key value) (hashtable-set! table key value))
(define (hash-table-ref/default table key default) (hashtable-ref table key default))
(define (hash-table-exists? table key) (hashtable-contains? table key))
(define (hash-table-delete! table key) (hashtable-delete! table key))
(define (hash-table-size table) (hashtable-size table))
