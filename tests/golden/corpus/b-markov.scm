;;; Text tools: a tokenizer over string ports, a trie of words (children
;;; kept in sorted association lists) with counts and prefix queries, and
;;; a second-order Markov chain that generates text with a seeded LCG.
(import (scheme base) (scheme write) (scheme char))

(define corpus
  "The cat sat on the mat. The cat ate the rat. The rat sat on the hat.
A cat and a rat met on the mat; the cat sat still, the rat ran.
Then the cat ran after the rat, and the rat ran under the hat.
The hat sat on the mat, and the mat sat on the floor. The end.")

;;; ------------------------------------------------------------ tokens

;; Words are lowercased runs of letters; `.` `,` `;` are tokens of their own.
(define (tokenize text)
  (let ((in (open-input-string text)))
    (let loop ((word '()) (tokens '()))
      (define (flush)
        (if (null? word)
            tokens
            (cons (list->string (reverse word)) tokens)))
      (let ((c (read-char in)))
        (cond ((eof-object? c) (reverse (flush)))
              ((char-alphabetic? c) (loop (cons (char-downcase c) word) tokens))
              ((memv c '(#\. #\, #\;)) (loop '() (cons (string c) (flush))))
              (else (loop '() (flush))))))))

(define tokens (tokenize corpus))
(define words (let keep ((ts tokens))
                (cond ((null? ts) '())
                      ((char-alphabetic? (string-ref (car ts) 0))
                       (cons (car ts) (keep (cdr ts))))
                      (else (keep (cdr ts))))))

(display "tokens: ")
(display (length tokens))
(display ", words: ")
(display (length words))
(newline)

;;; ------------------------------------------------------------ trie
;;; node = #(count children), children an alist (char . node) sorted by char.

(define (make-node) (vector 0 '()))
(define (node-count n) (vector-ref n 0))
(define (node-children n) (vector-ref n 1))

(define (child-of node c)
  (let ((entry (assv c (node-children node))))
    (and entry (cdr entry))))

(define (add-child! node c)
  (let ((child (make-node)))
    (let insert ((prev #f) (rest (node-children node)))
      (cond ((or (null? rest) (char<? c (caar rest)))
             (let ((cell (cons (cons c child) rest)))
               (if prev (set-cdr! prev cell) (vector-set! node 1 cell))))
            (else (insert rest (cdr rest)))))
    child))

(define (trie-insert! root word)
  (let loop ((node root) (i 0))
    (if (= i (string-length word))
        (vector-set! node 0 (+ 1 (node-count node)))
        (let ((c (string-ref word i)))
          (loop (or (child-of node c) (add-child! node c)) (+ i 1))))))

(define (trie-find root prefix)
  (let loop ((node root) (i 0))
    (cond ((not node) #f)
          ((= i (string-length prefix)) node)
          (else (loop (child-of node (string-ref prefix i)) (+ i 1))))))

;; All (word . count) pairs below a node, in alphabetical order (CPS).
(define (trie-words node prefix)
  (let walk ((node node) (chars (reverse (string->list prefix))) (k (lambda (acc) acc)) (acc '()))
    (let ((here (if (> (node-count node) 0)
                    (cons (cons (list->string (reverse chars)) (node-count node)) acc)
                    acc)))
      (let each ((children (node-children node)) (acc here))
        (if (null? children)
            (k acc)
            (walk (cdar children) (cons (caar children) chars)
                  (lambda (acc) (each (cdr children) acc))
                  acc))))))

(define (complete root prefix)
  (let ((node (trie-find root prefix)))
    (if node (reverse (trie-words node prefix)) '())))

(define trie (make-node))
(for-each (lambda (w) (trie-insert! trie w)) words)

(define (trie-size node)
  (let loop ((children (node-children node)) (n 1))
    (if (null? children) n (loop (cdr children) (+ n (trie-size (cdar children)))))))

(display "trie nodes: ")
(display (trie-size trie))
(newline)
(for-each (lambda (prefix)
            (display "prefix ")
            (write prefix)
            (display ": ")
            (write (complete trie prefix))
            (newline))
          '("th" "ra" "a" "m" "un" "zebra" ""))

;; The most frequent words, ties broken alphabetically.
(define (top-words n)
  (let ((all (complete trie "")))
    (let select ((k 0) (pool all) (acc '()))
      (if (or (= k n) (null? pool))
          (reverse acc)
          (let ((best (let find ((ps (cdr pool)) (best (car pool)))
                        (cond ((null? ps) best)
                              ((> (cdar ps) (cdr best)) (find (cdr ps) (car ps)))
                              (else (find (cdr ps) best))))))
            (select (+ k 1)
                    (let remove ((ps pool))
                      (cond ((null? ps) '())
                            ((eq? (car ps) best) (cdr ps))
                            (else (cons (car ps) (remove (cdr ps))))))
                    (cons best acc)))))))

(display "top words: ")
(write (top-words 6))
(newline)

;;; ------------------------------------------------------------ Markov

;; The chain maps a pair of tokens to an alist of (next . count), in
;; order of first appearance, so the generation is deterministic.
(define (build-chain tokens)
  (let loop ((ts tokens) (chain '()))
    (if (or (null? ts) (null? (cdr ts)) (null? (cddr ts)))
        chain
        (let* ((key (list (car ts) (cadr ts)))
               (next (caddr ts))
               (entry (assoc key chain)))
          (if entry
              (let ((follower (assoc next (cdr entry))))
                (if follower
                    (set-cdr! follower (+ (cdr follower) 1))
                    (set-cdr! entry (append (cdr entry) (list (cons next 1)))))
                (loop (cdr ts) chain))
              (loop (cdr ts) (cons (list key (cons next 1)) chain)))))))

(define chain (build-chain tokens))

(define (make-rng seed)
  (let ((state seed))
    (lambda (n)
      (set! state (modulo (+ (* 1103515245 state) 12345) 2147483648))
      (modulo (quotient state 65536) n))))

(define (pick followers random)
  (let* ((total (apply + (map cdr followers)))
         (r (random total)))
    (let loop ((fs followers) (r r))
      (if (< r (cdar fs)) (caar fs) (loop (cdr fs) (- r (cdar fs)))))))

(define (join tokens)
  (let ((out (open-output-string)))
    (let loop ((ts tokens) (first #t) (capital #t))
      (unless (null? ts)
        (let ((t (car ts)))
          (cond ((char-alphabetic? (string-ref t 0))
                 (unless first (write-char #\space out))
                 (if capital
                     (begin (write-char (char-upcase (string-ref t 0)) out)
                            (write-string (substring t 1 (string-length t)) out))
                     (write-string t out))
                 (loop (cdr ts) #f #f))
                (else
                 (write-string t out)
                 (loop (cdr ts) #f (string=? t ".")))))))
    (get-output-string out)))

(define (generate seed start max-tokens)
  (let ((random (make-rng seed)))
    (let loop ((a (car start)) (b (cadr start)) (out (reverse start)) (n 2))
      (let ((entry (assoc (list a b) chain)))
        (if (or (not entry) (>= n max-tokens) (and (string=? b ".") (> n 8)))
            (join (reverse out))
            (let ((next (pick (cdr entry) random)))
              (loop b next (cons next out) (+ n 1))))))))

(display "chain states: ")
(display (length chain))
(newline)
(display "followers of (the cat): ")
(write (cdr (assoc '("the" "cat") chain)))
(newline)
(for-each (lambda (seed)
            (display seed)
            (display ": ")
            (display (generate seed '("the" "cat") 30))
            (newline))
          '(1 2 3 42 2024))
(display "from (the rat): ")
(display (generate 7 '("the" "rat") 40))
(newline)

;; Every generated bigram must occur in the corpus.
(define (bigrams ts)
  (if (or (null? ts) (null? (cdr ts))) '() (cons (list (car ts) (cadr ts)) (bigrams (cdr ts)))))
(let ((known (bigrams tokens))
      (generated (tokenize (generate 99 '("a" "cat") 50))))
  (display "generated bigrams all known: ")
  (display (let check ((bs (bigrams generated)))
             (or (null? bs) (and (member (car bs) known) (check (cdr bs))))))
  (newline))
