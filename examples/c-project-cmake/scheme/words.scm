;;; words.scm - word counts in an in-memory SQLite database, for C.
(import (scheme base) (scheme char))
(include "sqlite.scm")           ; the SQLite procedures this program uses

;; One connection for the program's life: a shared value in a global,
;; closed (sqlite3_close, once) when words_close drops the reference.
(define closed #f)
(define connection
  (shared (open-database ":memory:") (lambda (db) (set! closed #t) (sqlite3-close db))))
(execute! connection "CREATE TABLE words (word TEXT PRIMARY KEY, n INTEGER NOT NULL)")

(define (add! word)
  (execute! connection
            (string-append "INSERT INTO words VALUES (" (quote-sql (string-downcase word)) ", 1) "
                           "ON CONFLICT(word) DO UPDATE SET n = n + 1"))
  0)
(define-c-export add! "words_add" (string) int)

(define (report top)
  (let loop ((rows (rows connection (string-append "SELECT word, n FROM words ORDER BY n DESC, word LIMIT "
                                                   (number->string top))))
             (text ""))
    (if (null? rows)
        text
        (loop (cdr rows)
              (string-append text (car (car rows)) " " (cadr (car rows)) "\n")))))
(define-c-export report "words_report" (int) string)

(define (distinct)
  (string->number (car (car (rows connection "SELECT COUNT(*) FROM words")))))
(define-c-export distinct "words_distinct" () int)

(define (close!) (set! connection #f) 0)
(define-c-export close! "words_close" () int)
(define (closed?) closed)
(define-c-export closed? "words_closed" () bool)
