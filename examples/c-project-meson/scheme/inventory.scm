;;; inventory.scm - the Scheme half of the example: an inventory kept in a
;;; SQLite database, for C to call (define-c-export). Compiled by eshkolc
;;; --no-main --header as a build step (meson.build); its depfile names
;;; the files it reads, so editing schema.scm or inventory/report.sld
;;; rebuilds it.
(import (scheme base) (scheme write) (inventory report))

(c-include "<sqlite3.h>" "<stdlib.h>")
(define-c-procedure sqlite3-open "sqlite3_open" (string pointer) int)
(define-c-procedure sqlite3-close "sqlite3_close" ((pointer sqlite3)) int)
(define-c-procedure sqlite3-errmsg "sqlite3_errmsg" ((pointer sqlite3)) string)
(define-c-procedure sqlite3-exec "sqlite3_exec" ((pointer sqlite3) string pointer pointer pointer) int)
(define-c-procedure sqlite3-prepare "sqlite3_prepare_v2" ((pointer sqlite3) string int pointer pointer) int)
(define-c-procedure sqlite3-step "sqlite3_step" ((pointer sqlite3_stmt)) int)
(define-c-procedure sqlite3-finalize "sqlite3_finalize" ((pointer sqlite3_stmt)) int)
(define-c-procedure sqlite3-bind-int "sqlite3_bind_int" ((pointer sqlite3_stmt) int int) int)
(define-c-procedure sqlite3-column-text "sqlite3_column_text" ((pointer sqlite3_stmt) int) string)
(define-c-procedure sqlite3-column-int "sqlite3_column_int" ((pointer sqlite3_stmt) int) int)
(define-c-procedure c-malloc "malloc" (size_t) pointer)
(define-c-procedure c-free "free" (pointer) void)
(define-c-procedure c-puts "puts" (string) int)

(include "schema.scm")           ; the SQL that makes the tables

(define sqlite-ok 0)
(define sqlite-row 100)
(define database-path #f)

;; A connection is a shared value: sqlite3_close runs exactly once, when the
;; last reference to it goes (here, when the procedure using it returns).
(define (connect)
  (let ((out (c-malloc 8)))
    (let ((status (sqlite3-open database-path out)))
      (let ((db (pointer-ref out 0 'sqlite3)))
        (c-free out)
        (unless (= status sqlite-ok)
          (error "cannot open the database" database-path (sqlite3-errmsg db)))
        (shared db close-connection)))))

(define closed 0)
(define (close-connection db)
  (set! closed (+ closed 1))
  (sqlite3-close db))

(define (execute! db sql)
  (unless (= (sqlite3-exec db sql #f #f #f) sqlite-ok)
    (error "SQL failed" sql (sqlite3-errmsg db))))

;; Runs a query; calls (row statement) for each row; returns the list of results.
(define (query db sql bindings row)
  (let ((out (c-malloc 8)))
    (unless (= (sqlite3-prepare db sql -1 out #f) sqlite-ok)
      (c-free out)
      (error "SQL failed" sql (sqlite3-errmsg db)))
    (let ((statement (pointer-ref out 0 'sqlite3_stmt)))
      (c-free out)
      (let bind ((i 1) (values bindings))
        (unless (null? values)
          (sqlite3-bind-int statement i (car values))
          (bind (+ i 1) (cdr values))))
      (let loop ((acc '()))
        (if (= (sqlite3-step statement) sqlite-row)
            (loop (cons (row statement) acc))
            (begin (sqlite3-finalize statement) (reverse acc)))))))

(define (quote-sql text)       ; 'text' with quotes doubled
  (let loop ((chars (string->list text)) (acc '(#\')))
    (cond ((null? chars) (list->string (reverse (cons #\' acc))))
          ((char=? (car chars) #\') (loop (cdr chars) (cons #\' (cons #\' acc))))
          (else (loop (cdr chars) (cons (car chars) acc))))))

;; ---- what C calls ----

(define (open-inventory path)
  (set! database-path path)
  (let ((db (connect)))
    ;; a loop, not (for-each (lambda (sql) (execute! db sql)) schema): a
    ;; closure that captures a shared value holds a reference for as long
    ;; as its region lives (docs/shared.md), which here is the program
    (let loop ((statements schema))
      (unless (null? statements)
        (execute! db (car statements))
        (loop (cdr statements))))
    0))
(define-c-export open-inventory "inventory_open" (string) int)

(define (add-item name quantity)
  (let ((db (connect)))
    (execute! db (string-append "INSERT INTO items(name, quantity) VALUES ("
                                (quote-sql name) ", " (number->string quantity) ")"))
    (total db)))
(define-c-export add-item "inventory_add" (string int) long)

(define (total db)
  (let ((sums (query db "SELECT COALESCE(SUM(quantity), 0) FROM items" '()
                     (lambda (s) (sqlite3-column-int s 0)))))
    (car sums)))

(define (report minimum)
  (let* ((db (connect))
         (rows (query db "SELECT name, quantity FROM items WHERE quantity >= ? ORDER BY quantity DESC, name" (list minimum)
                      (lambda (s) (cons (sqlite3-column-text s 0) (sqlite3-column-int s 1))))))
    (format-report rows (total db))))
(define-c-export report "inventory_report" (int) string)

(define (connections-closed) closed)
(define-c-export connections-closed "inventory_connections_closed" () int)
