; Named relative to include/lib/, where this file is.
(define (inner-name) 'inner)
(include "leaf.ss")
