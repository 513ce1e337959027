;;; A Wadler-style pretty printer ("A prettier printer"): documents are
;;; built from text, line, nest, concatenation and group (a choice between
;;; flat and broken layout); `best` picks a layout for a width lazily, with
;;; the alternatives kept as thunks. S-expressions are rendered at several
;;; widths, with special layouts for define, let, lambda, if and cond.
(import (scheme base) (scheme write) (scheme char))

;;; ------------------------------------------------------------ documents
;;; doc = (nil) | (text s) | (line) | (cat a b) | (nest i d) | (union a b)

(define doc-nil '(nil))
(define (text s) (list 'text s))
(define doc-line '(line))
(define (cat . docs)
  (cond ((null? docs) doc-nil)
        ((null? (cdr docs)) (car docs))
        (else (list 'cat (car docs) (apply cat (cdr docs))))))
(define (nest i d) (list 'nest i d))

(define (flatten d)
  (case (car d)
    ((nil text) d)
    ((line) (text " "))
    ((cat) (list 'cat (flatten (cadr d)) (flatten (caddr d))))
    ((nest) (nest (cadr d) (flatten (caddr d))))
    ((union) (flatten (cadr d)))
    (else (error "flatten: bad document" d))))

(define (group d) (list 'union (flatten d) d))

;; Layouts: a list of strings and newline-with-indent markers (integers).
;; `best` works on a list of (indent . doc) pairs; the second alternative
;; of a union is only explored when the first does not fit.
(define (best width column pairs)
  (if (null? pairs)
      '()
      (let* ((indent (caar pairs))
             (d (cdar pairs))
             (rest (cdr pairs)))
        (case (car d)
          ((nil) (best width column rest))
          ((text)
           (let ((s (cadr d)))
             (cons s (delay (best width (+ column (string-length s)) rest)))))
          ((line) (cons indent (delay (best width indent rest))))
          ((cat) (best width column
                       (cons (cons indent (cadr d))
                             (cons (cons indent (caddr d)) rest))))
          ((nest) (best width column
                        (cons (cons (+ indent (cadr d)) (caddr d)) rest)))
          ((union)
           (let ((flat (best width column (cons (cons indent (cadr d)) rest))))
             (if (fits? (- width column) flat)
                 flat
                 (best width column (cons (cons indent (caddr d)) rest)))))
          (else (error "best: bad document" d))))))

;; A layout is '() or (item . promise-of-rest).
(define (fits? room layout)
  (cond ((< room 0) #f)
        ((null? layout) #t)
        ((integer? (car layout)) #t)
        (else (fits? (- room (string-length (car layout))) (force (cdr layout))))))

(define (layout->string layout)
  (let ((out (open-output-string)))
    (let loop ((l layout))
      (unless (null? l)
        (let ((item (car l)))
          (if (integer? item)
              (begin (newline out) (write-string (make-string item #\space) out))
              (write-string item out))
          (loop (force (cdr l))))))
    (get-output-string out)))

(define (pretty width d)
  (layout->string (best width 0 (list (cons 0 d)))))

;;; ------------------------------------------------------------ combinators

(define (interleave sep docs)
  (cond ((null? docs) doc-nil)
        ((null? (cdr docs)) (car docs))
        (else (cat (car docs) sep (interleave sep (cdr docs))))))

(define (spread docs) (interleave (text " ") docs))
(define (stack docs) (interleave doc-line docs))
(define (bracket open d close) (group (cat (text open) (nest 1 d) (text close))))

;;; ------------------------------------------------------------ s-expressions

(define (atom->string x)
  (let ((out (open-output-string)))
    (write x out)
    (get-output-string out)))

;; The head forms that get a body indentation of 2 after some number of
;; distinguished arguments kept on the first line.
(define special-forms
  '((define . 1) (lambda . 1) (let . 1) (let* . 1) (letrec . 1)
    (when . 1) (unless . 1) (do . 2) (case . 1)))

(define (sexp->doc x)
  (cond
   ((and (pair? x) (eq? (car x) 'quote) (pair? (cdr x)) (null? (cddr x)))
    (cat (text "'") (sexp->doc (cadr x))))
   ((and (pair? x) (list? x))
    (let ((head (car x)))
      (cond
       ((and (symbol? head) (assq head special-forms))
        => (lambda (entry) (special->doc x (cdr entry))))
       ((eq? head 'if) (if->doc x))
       ((eq? head 'cond) (cond->doc x))
       (else (call->doc x)))))
   ((pair? x)   ; improper list
    (let loop ((x x) (docs '()))
      (if (pair? x)
          (loop (cdr x) (cons (sexp->doc (car x)) docs))
          (bracket "(" (interleave doc-line
                                   (reverse (cons (text (atom->string x))
                                                  (cons (text ".") docs))))
                   ")"))))
   ((vector? x)
    (bracket "#(" (interleave doc-line (map sexp->doc (vector->list x))) ")"))
   (else (text (atom->string x)))))

;; (f a b c): all on one line, or f a on one line and the rest aligned.
(define (call->doc x)
  (let ((docs (map sexp->doc x)))
    (if (null? (cdr docs))
        (cat (text "(") (car docs) (text ")"))
        (group (cat (text "(") (car docs) (text " ")
                    (nest (+ 2 (string-length (atom->string (car x))))
                          (interleave doc-line (cdr docs)))
                    (text ")"))))))

;; (define (f x) body ...): the header, then the body indented by 2.
(define (special->doc x header-count)
  (let loop ((rest (cdr x)) (k header-count) (header '()))
    (if (and (> k 0) (pair? rest))
        (loop (cdr rest) (- k 1) (cons (sexp->doc (car rest)) header))
        (group (cat (text "(")
                    (spread (cons (text (symbol->string (car x))) (reverse header)))
                    (nest 2 (cat doc-line (stack (map sexp->doc rest))))
                    (text ")"))))))

(define (if->doc x)
  (group (cat (text "(if ")
              (nest 4 (interleave doc-line (map sexp->doc (cdr x))))
              (text ")"))))

(define (cond->doc x)
  (cat (text "(cond ")
       (nest 6 (stack (map (lambda (clause)
                             (bracket "(" (interleave doc-line (map sexp->doc clause)) ")"))
                           (cdr x))))
       (text ")")))

;;; ------------------------------------------------------------ driving

(define (ruler width)
  (let ((s (make-string width #\-)))
    (do ((i 9 (+ i 10))) ((>= i width) s)
      (string-set! s i (integer->char (+ (char->integer #\0) (modulo (quotient (+ i 1) 10) 10)))))))

(define (show-at widths x)
  (for-each (lambda (w)
              (display "width ")
              (display w)
              (newline)
              (display (ruler w))
              (newline)
              (display (pretty w (sexp->doc x)))
              (newline))
            widths))

(define (longest-line s)
  (let loop ((cs (string->list s)) (current 0) (longest 0))
    (cond ((null? cs) (max current longest))
          ((char=? (car cs) #\newline) (loop (cdr cs) 0 (max current longest)))
          (else (loop (cdr cs) (+ current 1) longest)))))

(define program
  '(define (merge-sort lst less?)
     (define (merge a b)
       (cond ((null? a) b)
             ((null? b) a)
             ((less? (car b) (car a)) (cons (car b) (merge a (cdr b))))
             (else (cons (car a) (merge (cdr a) b)))))
     (let loop ((lst lst))
       (if (or (null? lst) (null? (cdr lst)))
           lst
           (let ((half (quotient (length lst) 2)))
             (merge (loop (list-head lst half)) (loop (list-tail lst half))))))))

(show-at '(100 60 40 25) program)

(define data
  '(config (name "server") (port 8080) (hosts #("alpha" "beta" "gamma" "delta"))
           (limits (cpu . 4) (memory . 2048)) (flags 'fast 'safe) (empty)))
(show-at '(80 30 12) data)

;; The tree from Wadler's paper, rendered with its own document builder.
(define (tree->doc t)
  (let ((name (car t)) (children (cdr t)))
    (if (null? children)
        (text (symbol->string name))
        (group (cat (text (symbol->string name))
                    (text "[")
                    (nest (+ 1 (string-length (symbol->string name)))
                          (interleave (cat (text ",") doc-line) (map tree->doc children)))
                    (text "]"))))))

(define tree '(aaa (bbbbb (ccc) (dd)) (eee) (ffff (gg) (hhh) (ii))))
(for-each (lambda (w)
            (display (pretty w (tree->doc tree)))
            (newline))
          '(60 30 10))

;; Every layout respects its width where the atoms allow it.
(display "widths respected: ")
(write (map (lambda (w) (<= (longest-line (pretty w (sexp->doc program))) w))
            '(100 80 60 50 40)))
(newline)
