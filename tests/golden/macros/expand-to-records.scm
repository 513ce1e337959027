; A macro that expands into define-record-type, at the top level and in a body.
(import (scheme base) (scheme write))
(define-syntax define-point-type
  (syntax-rules ()
    ((_ type make pred (field get set) ...)
     (define-record-type type (make field ...) pred (field get set) ...))))
(define-point-type point make-point point? (x point-x set-point-x!) (y point-y set-point-y!))
(define p (make-point 1 2))
(set-point-x! p 10)
(write (list (point? p) (point? 5) (point-x p) (point-y p))) (newline)
(define (local-records)
  (define-point-type cell make-cell cell? (v cell-v set-cell-v!))
  (let ((c (make-cell 'a)))
    (set-cell-v! c 'b)
    (list (cell? c) (cell-v c) (cell? p))))
(write (local-records)) (newline)
; the record's type, constructor and accessors are the user's names even
; when the macro introduces the field names
(define-syntax define-box
  (syntax-rules ()
    ((_ make get) (define-record-type box (make contents) box? (contents get)))))
(define-box make-box unbox)
(write (unbox (make-box 'inside))) (newline)
