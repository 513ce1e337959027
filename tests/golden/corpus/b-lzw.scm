;;; Compressors over strings: run-length encoding, LZW with a dictionary
;;; kept as a binary search tree of strings, a bit packer that writes codes
;;; with a growing width, and a Base64-like printable encoding. Every
;;; encoder is checked by decoding its output again.
(import (scheme base) (scheme write) (scheme char))

;;; ------------------------------------------------------------ run-length

;; "aaabcc" -> ((#\a . 3) (#\b . 1) (#\c . 2))
(define (rle-encode str)
  (let ((n (string-length str)))
    (let loop ((i 0) (runs '()))
      (if (= i n)
          (reverse runs)
          (let ((c (string-ref str i)))
            (let count ((j (+ i 1)))
              (if (and (< j n) (char=? (string-ref str j) c))
                  (count (+ j 1))
                  (loop j (cons (cons c (- j i)) runs)))))))))

(define (rle-decode runs)
  (apply string-append
         (map (lambda (run) (make-string (cdr run) (car run))) runs)))

;; The textual form: runs longer than 2 become "<count><char>", digits are
;; escaped with a backslash.
(define (rle->text runs)
  (let ((out (open-output-string)))
    (for-each
     (lambda (run)
       (let ((c (car run)) (k (cdr run)))
         (define (put-char)
           (when (or (char-numeric? c) (char=? c #\\)) (write-char #\\ out))
           (write-char c out))
         (if (> k 2)
             (begin (display k out) (put-char))
             (do ((i 0 (+ i 1))) ((= i k)) (put-char)))))
     runs)
    (get-output-string out)))

(define (text->rle text)
  (let ((in (open-input-string text)))
    (let loop ((count 0) (runs '()))
      (let ((c (read-char in)))
        (cond ((eof-object? c) (reverse runs))
              ((char-numeric? c)
               (loop (+ (* count 10) (digit-value c)) runs))
              (else
               (let ((ch (if (char=? c #\\) (read-char in) c)))
                 (loop 0 (cons (cons ch (if (= count 0) 1 count)) runs)))))))))

;;; ------------------------------------------------------------ dictionary
;;; A binary search tree keyed by strings: #(key code left right) or '().

(define (tree-lookup tree key)
  (cond ((null? tree) #f)
        ((string=? key (vector-ref tree 0)) (vector-ref tree 1))
        ((string<? key (vector-ref tree 0)) (tree-lookup (vector-ref tree 2) key))
        (else (tree-lookup (vector-ref tree 3) key))))

(define (tree-insert tree key code)
  (cond ((null? tree) (vector key code '() '()))
        ((string<? key (vector-ref tree 0))
         (vector-set! tree 2 (tree-insert (vector-ref tree 2) key code))
         tree)
        (else
         (vector-set! tree 3 (tree-insert (vector-ref tree 3) key code))
         tree)))

(define (initial-dictionary)
  (let loop ((c 0) (tree '()))
    (if (= c 128)
        tree
        (loop (+ c 1) (tree-insert tree (string (integer->char c)) c)))))

;;; ------------------------------------------------------------ LZW

(define (lzw-encode str)
  (let ((n (string-length str)))
    (if (= n 0)
        '()
        (let loop ((dict (initial-dictionary))
                   (next 128)
                   (w (string (string-ref str 0)))
                   (i 1)
                   (codes '()))
          (if (= i n)
              (reverse (cons (tree-lookup dict w) codes))
              (let* ((c (string (string-ref str i)))
                     (wc (string-append w c)))
                (if (tree-lookup dict wc)
                    (loop dict next wc (+ i 1) codes)
                    (loop (tree-insert dict wc next) (+ next 1) c (+ i 1)
                          (cons (tree-lookup dict w) codes)))))))))

(define (lzw-decode codes)
  (if (null? codes)
      ""
      (let ((table (make-vector 4096 #f)))
        (do ((c 0 (+ c 1))) ((= c 128))
          (vector-set! table c (string (integer->char c))))
        (let ((out (open-output-string))
              (first (vector-ref table (car codes))))
          (write-string first out)
          (let loop ((codes (cdr codes)) (w first) (next 128))
            (if (null? codes)
                (get-output-string out)
                (let* ((k (car codes))
                       (entry (cond ((vector-ref table k))
                                    ((= k next)
                                     (string-append w (string (string-ref w 0))))
                                    (else (error "bad LZW code" k)))))
                  (write-string entry out)
                  (vector-set! table next
                               (string-append w (string (string-ref entry 0))))
                  (loop (cdr codes) entry (+ next 1)))))))))

;;; ------------------------------------------------------------ bit packing
;;; Codes are written with the smallest width that can hold the largest
;;; code defined so far, as LZW implementations do; the bits go into a
;;; bytevector, most significant bit first.

(define (width-for limit)
  (let loop ((w 1))
    (if (>= (expt 2 w) limit) w (loop (+ w 1)))))

(define (pack-codes codes)
  (let ((bits '()))
    (let loop ((codes codes) (limit 129))
      (unless (null? codes)
        (let ((w (width-for limit)) (code (car codes)))
          (do ((b (- w 1) (- b 1))) ((< b 0))
            (set! bits (cons (if (odd? (quotient code (expt 2 b))) 1 0) bits)))
          (loop (cdr codes) (+ limit 1)))))
    (let* ((bits (reverse bits))
           (nbytes (quotient (+ (length bits) 7) 8))
           (bv (make-bytevector nbytes 0)))
      (let fill ((bits bits) (i 0))
        (unless (null? bits)
          (when (= (car bits) 1)
            (let ((byte (quotient i 8)))
              (bytevector-u8-set! bv byte
                                  (+ (bytevector-u8-ref bv byte)
                                     (expt 2 (- 7 (remainder i 8)))))))
          (fill (cdr bits) (+ i 1))))
      bv)))

(define (unpack-codes bv count)
  (define (bit i)
    (if (odd? (quotient (bytevector-u8-ref bv (quotient i 8))
                        (expt 2 (- 7 (remainder i 8)))))
        1 0))
  (let loop ((k 0) (pos 0) (limit 129) (acc '()))
    (if (= k count)
        (reverse acc)
        (let ((w (width-for limit)))
          (let read ((j 0) (v 0))
            (if (= j w)
                (loop (+ k 1) (+ pos w) (+ limit 1) (cons v acc))
                (read (+ j 1) (+ (* v 2) (bit (+ pos j))))))))))

;;; ------------------------------------------------------------ printable

(define alphabet
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")

(define (bytes->printable bv)
  (let ((out (open-output-string))
        (n (bytevector-length bv)))
    (let loop ((i 0))
      (when (< i n)
        (let* ((b0 (bytevector-u8-ref bv i))
               (b1 (if (< (+ i 1) n) (bytevector-u8-ref bv (+ i 1)) 0))
               (b2 (if (< (+ i 2) n) (bytevector-u8-ref bv (+ i 2)) 0))
               (v (+ (* b0 65536) (* b1 256) b2))
               (chars (list (quotient v 262144)
                            (remainder (quotient v 4096) 64)
                            (remainder (quotient v 64) 64)
                            (remainder v 64)))
               (keep (+ 2 (min 2 (- n i 1)))))
          (let put ((cs chars) (k 0))
            (when (< k 4)
              (write-char (if (< k keep) (string-ref alphabet (car cs)) #\=) out)
              (put (cdr cs) (+ k 1))))
          (loop (+ i 3)))))
    (get-output-string out)))

;;; ------------------------------------------------------------ driving

(define samples
  '("TOBEORNOTTOBEORTOBEORNOT"
    "abababababababababababab"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "the rain in spain stays mainly in the plain"
    "wwwwbbbwwww1112222\\\\x"
    ""
    "x"
    "Peter Piper picked a peck of pickled peppers; a peck of pickled peppers Peter Piper picked."))

(define (check name ok)
  (display (if ok "  ok   " "  FAIL "))
  (display name)
  (newline))

(for-each
 (lambda (s)
   (write s)
   (newline)
   (let* ((runs (rle-encode s))
          (text (rle->text runs))
          (codes (lzw-encode s))
          (packed (pack-codes codes)))
     (display "  rle: ")
     (write text)
     (display " (")
     (display (length runs))
     (display " runs)")
     (newline)
     (check "rle round trip" (string=? s (rle-decode (text->rle text))))
     (display "  lzw: ")
     (display (length codes))
     (display " codes for ")
     (display (string-length s))
     (display " chars")
     (when (<= (length codes) 16)
       (display " ")
       (write codes))
     (newline)
     (display "  packed: ")
     (display (bytevector-length packed))
     (display " bytes ")
     (display (bytes->printable packed))
     (newline)
     (check "lzw round trip" (string=? s (lzw-decode codes)))
     (check "unpack" (equal? codes (unpack-codes packed (length codes))))))
 samples)

;; A longer text built by repetition with variation: compression ratio.
(define long-text
  (let ((out (open-output-string)))
    (do ((i 0 (+ i 1))) ((= i 40))
      (write-string "line " out)
      (write (modulo (* i 7) 13) out)
      (write-string ": the quick brown fox; " out))
    (get-output-string out)))

(let* ((codes (lzw-encode long-text))
       (packed (pack-codes codes)))
  (display "long text: ")
  (display (string-length long-text))
  (display " chars -> ")
  (display (length codes))
  (display " codes -> ")
  (display (bytevector-length packed))
  (display " bytes, ratio ")
  (display (inexact (/ (round (* 1000 (/ (bytevector-length packed)
                                                (string-length long-text))))
                              1000)))
  (newline)
  (check "long round trip"
         (string=? long-text (lzw-decode (unpack-codes packed (length codes))))))
