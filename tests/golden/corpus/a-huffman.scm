(import (scheme base) (scheme char) (scheme write) (scheme cxr))

;; Huffman coding of strings: a frequency table as an association list of
;; characters, the tree built from a sorted list of weighted nodes (ties
;; broken by a sequence number, so the code is deterministic), a code
;; table as a vector indexed by character code (for ASCII) with an alist
;; fall-back, encoding to a bit list and packing into a bytevector,
;; decoding by walking the tree, and a canonical-code variant.

(define-record-type leaf
  (make-leaf char weight)
  leaf?
  (char leaf-char)
  (weight leaf-weight))

(define-record-type branch
  (make-branch left right chars weight order)
  branch?
  (left branch-left)
  (right branch-right)
  (chars branch-chars)
  (weight branch-weight)
  (order branch-order))

(define (weight node) (if (leaf? node) (leaf-weight node) (branch-weight node)))
(define (node-chars node) (if (leaf? node) (list (leaf-char node)) (branch-chars node)))
(define (node-order node)
  ;; leaves order by character, branches after all leaves by creation
  (if (leaf? node) (char->integer (leaf-char node)) (+ 1000000 (branch-order node))))

(define (frequencies str)
  (let loop ((chars (string->list str)) (table '()))
    (if (null? chars)
        table
        (let ((entry (assv (car chars) table)))
          (if entry
              (begin (set-cdr! entry (+ (cdr entry) 1)) (loop (cdr chars) table))
              (loop (cdr chars) (cons (cons (car chars) 1) table)))))))

(define (node<? a b)
  (or (< (weight a) (weight b))
      (and (= (weight a) (weight b)) (< (node-order a) (node-order b)))))

(define (insert-node node nodes)
  (cond ((null? nodes) (list node))
        ((node<? node (car nodes)) (cons node nodes))
        (else (cons (car nodes) (insert-node node (cdr nodes))))))

(define (build-tree table)
  (let ((counter 0))
    (let loop ((nodes (let sort ((entries table) (acc '()))
                        (if (null? entries)
                            acc
                            (sort (cdr entries)
                                  (insert-node (make-leaf (caar entries) (cdar entries)) acc))))))
      (cond ((null? nodes) (error "empty input"))
            ((null? (cdr nodes)) (car nodes))
            (else
             (let ((a (car nodes)) (b (cadr nodes)))
               (set! counter (+ counter 1))
               (loop (insert-node (make-branch a b
                                               (append (node-chars a) (node-chars b))
                                               (+ (weight a) (weight b))
                                               counter)
                                  (cddr nodes)))))))))

;; The code table: each character's path, 0 for left and 1 for right. A
;; one-leaf tree gets the code (0).
(define (code-table tree)
  (if (leaf? tree)
      (list (cons (leaf-char tree) '(0)))
      (let walk ((node tree) (path '()))
        (if (leaf? node)
            (list (cons (leaf-char node) (reverse path)))
            (append (walk (branch-left node) (cons 0 path))
                    (walk (branch-right node) (cons 1 path)))))))

(define (make-encoder table)
  ;; ASCII characters through a vector, others through the alist
  (let ((fast (make-vector 128 #f)))
    (for-each (lambda (entry)
                (let ((n (char->integer (car entry))))
                  (when (< n 128) (vector-set! fast n (cdr entry)))))
              table)
    (lambda (c)
      (let ((n (char->integer c)))
        (or (and (< n 128) (vector-ref fast n))
            (let ((entry (assv c table)))
              (if entry (cdr entry) (error "character not in table" c))))))))

(define (encode str table)
  (let ((code-of (make-encoder table)))
    (let loop ((chars (reverse (string->list str))) (bits '()))
      (if (null? chars)
          bits
          (loop (cdr chars) (append (code-of (car chars)) bits))))))

(define (decode bits tree)
  (if (leaf? tree)
      (make-string (length bits) (leaf-char tree))
      (let ((out (open-output-string)))
        (let loop ((bits bits) (node tree))
          (cond ((leaf? node)
                 (write-char (leaf-char node) out)
                 (loop bits tree))
                ((null? bits)
                 (if (eq? node tree)
                     (get-output-string out)
                     (error "bits end inside a code")))
                ((= (car bits) 0) (loop (cdr bits) (branch-left node)))
                (else (loop (cdr bits) (branch-right node))))))))

;; Packing bits into bytes, most significant bit first; the last byte is
;; padded with zeros and the bit count is kept alongside.
(define (pack bits)
  (let* ((n (length bits))
         (bytes (make-bytevector (quotient (+ n 7) 8) 0)))
    (let loop ((bits bits) (i 0))
      (if (null? bits)
          (values bytes n)
          (begin
            (when (= (car bits) 1)
              (let ((byte (quotient i 8)) (shift (- 7 (remainder i 8))))
                (bytevector-u8-set! bytes byte
                                    (+ (bytevector-u8-ref bytes byte) (expt 2 shift)))))
            (loop (cdr bits) (+ i 1)))))))

(define (unpack bytes n)
  (let loop ((i (- n 1)) (acc '()))
    (if (< i 0)
        acc
        (let ((byte (bytevector-u8-ref bytes (quotient i 8)))
              (shift (- 7 (remainder i 8))))
          (loop (- i 1) (cons (remainder (quotient byte (expt 2 shift)) 2) acc))))))

(define (hex-bytes bytes)
  (let ((out (open-output-string)))
    (do ((i 0 (+ i 1))) ((= i (bytevector-length bytes)))
      (let ((b (bytevector-u8-ref bytes i)))
        (write-string (string (string-ref "0123456789abcdef" (quotient b 16))
                              (string-ref "0123456789abcdef" (remainder b 16)))
                      out)))
    (get-output-string out)))

;; Canonical Huffman codes: only the code lengths are kept; codes are
;; reassigned in order of (length, character).
(define (canonical table)
  (let* ((lengths (map (lambda (e) (cons (car e) (length (cdr e)))) table))
         (sorted (let sort ((ls lengths) (acc '()))
                   (if (null? ls)
                       acc
                       (sort (cdr ls)
                             (let insert ((x (car ls)) (acc acc))
                               (cond ((null? acc) (list x))
                                     ((or (< (cdr x) (cdar acc))
                                          (and (= (cdr x) (cdar acc)) (char<? (car x) (caar acc))))
                                      (cons x acc))
                                     (else (cons (car acc) (insert x (cdr acc)))))))))))
    (let loop ((entries sorted) (code 0) (prev-len (cdar sorted)) (acc '()))
      (if (null? entries)
          (reverse acc)
          (let* ((len (cdar entries))
                 (code (* code (expt 2 (- len prev-len)))))
            (loop (cdr entries) (+ code 1) len
                  (cons (cons (caar entries) (integer->bits code len)) acc)))))))

(define (integer->bits n width)
  (let loop ((n n) (i 0) (acc '()))
    (if (= i width) acc (loop (quotient n 2) (+ i 1) (cons (remainder n 2) acc)))))

(define (prefix-free? table)
  (let outer ((es table))
    (or (null? es)
        (and (let inner ((others table))
               (or (null? others)
                   (and (or (eqv? (caar others) (caar es))
                            (not (prefix? (cdar es) (cdar others))))
                        (inner (cdr others)))))
             (outer (cdr es))))))

(define (prefix? a b)
  (cond ((null? a) #t)
        ((null? b) #f)
        (else (and (= (car a) (car b)) (prefix? (cdr a) (cdr b))))))

(define (bits->string bits) (list->string (map (lambda (b) (if (= b 0) #\0 #\1)) bits)))

(define (show-char c)
  (cond ((char=? c #\space) "SP")
        ((char=? c #\newline) "NL")
        (else (string c))))

(define (report text)
  (let* ((table (frequencies text))
         (tree (build-tree table))
         (codes (code-table tree))
         (bits (encode text codes)))
    (display "text: ") (write text) (newline)
    (display "  distinct: ") (display (length table))
    (display ", tree weight: ") (display (weight tree))
    (display ", encoded bits: ") (display (length bits))
    (display " (vs ") (display (* 8 (string-length text))) (display ")")
    (newline)
    (display "  codes:")
    (for-each (lambda (e) (display " ") (display (show-char (car e))) (display "=")
                (display (bits->string (cdr e))))
              codes)
    (newline)
    (let-values (((bytes n) (pack bits)))
      (display "  packed: ") (display (hex-bytes bytes)) (newline)
      (let ((round-trip (decode (unpack bytes n) tree)))
        (display "  decoded ok: ") (display (string=? round-trip text)) (newline)))
    (let ((canon (canonical codes)))
      (display "  canonical:")
      (for-each (lambda (e) (display " ") (display (show-char (car e))) (display "=")
                  (display (bits->string (cdr e))))
                canon)
      (newline)
      (display "  prefix-free: ") (display (and (prefix-free? codes) (prefix-free? canon)))
      (display ", same length: ")
      (display (= (length (encode text canon)) (length bits)))
      (newline))))

(report "abracadabra")
(report "mississippi river")
(report "aaaaaaa")
(report "the quick brown fox jumps over the lazy dog")
(report "Übergrößenträger café")

;; The average code length, as an exact rational, and the code lengths.
(let* ((text "she sells sea shells by the sea shore")
       (table (frequencies text))
       (codes (code-table (build-tree table)))
       (total (string-length text))
       (average (/ (apply + (map (lambda (e) (* (cdr e) (length (cdr (assv (car e) codes)))))
                              table))
                   total)))
  (display "average code length: ") (display average)
  (display " = ") (display (/ (round (* 1000 average)) 1000)) (newline)
  (display "longest code: ")
  (display (apply max (map (lambda (e) (length (cdr e))) codes)))
  (display ", shortest code: ")
  (display (apply min (map (lambda (e) (length (cdr e))) codes)))
  (newline))

(display "decode error: ")
(write (guard (e ((error-object? e) (error-object-message e)))
         (let ((tree (build-tree (frequencies "abc"))))
           (decode '(1) tree))))
(newline)
(display "encode error: ")
(write (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
         (encode "abz" (code-table (build-tree (frequencies "abc"))))))
(newline)
