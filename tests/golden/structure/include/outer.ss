; Includes a file of its own, named relative to this file's folder.
(define (outer-name) 'outer)
(include "lib/inner.ss")
