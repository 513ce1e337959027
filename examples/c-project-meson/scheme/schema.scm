;;; schema.scm - included by inventory.scm: the tables, created if missing.
(define schema
  '("CREATE TABLE IF NOT EXISTS items (name TEXT NOT NULL, quantity INTEGER NOT NULL)"))
