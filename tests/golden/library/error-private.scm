; A library's definitions that it does not export are not visible to the
; importer, nor those it exports under another name by their own name.
(define-library (private)
  (export visible (rename hidden-too shown))
  (import (scheme base))
  (begin
    (define (hidden) 'hidden)
    (define (hidden-too) 'hidden-too)
    (define (visible) (list (hidden) (hidden-too)))))
(import (scheme base) (scheme write) (private))
(display (list (visible) (shown)))
(display (hidden))
(display (hidden-too))
