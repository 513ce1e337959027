; Grouping words into anagram classes: the key is the word's sorted letters.
(define words '("listen" "silent" "enlist" "google" "gooegl" "cat" "act" "tac" "dog" "god" "odg" "bird"))
(define classes (make-hash-table))
(for-each
 (lambda (w)
   (let ((key (list->string (list-sort char<? (string->list w)))))
     (hash-table-update!/default classes key (lambda (l) (cons w l)) '())))
 words)
(define groups
  (map (lambda (entry) (list-sort string<? (cdr entry))) (hash-table->alist classes)))
(for-each (lambda (g) (display g) (newline))
          (list-sort (lambda (a b) (string<? (car a) (car b))) groups))
(display (hash-table-size classes)) (newline)
