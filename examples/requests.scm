;;; requests.scm - a request loop: one region per request, a shared cache.
;;;   tools/run examples/requests.scm
;;;   ESHKOL_MEMSTATS=1 tools/run examples/requests.scm   (regions, promotions)
;;;
;;; Each request is handled inside its own region: everything it allocates
;;; (parsing, intermediate lists, the response) is freed in one step when it
;;; is done; only the response it returns is promoted out. Rendered pages
;;; are kept across requests in a cache of shared values, which live outside
;;; every region and are counted; the cache itself is a shared hash table,
;;; used as the table it holds, as in seed 002.

(define requests
  '("GET /home" "GET /about" "GET /home" "POST /login alice" "GET /home"
    "GET /missing" "GET /about" "POST /login bob" "GET /home"))

(define (split s)                         ; words of a request line
  (let loop ((i 0) (start 0) (out '()))
    (cond ((= i (string-length s))
           (reverse (if (> i start) (cons (substring s start i) out) out)))
          ((char=? (string-ref s i) #\space)
           (loop (+ i 1) (+ i 1) (if (> i start) (cons (substring s start i) out) out)))
          (else (loop (+ i 1) start out)))))

(define pages '(("/home" . "Welcome home") ("/about" . "About eshkol")))

(define cache (shared (make-hash-table string=?)))  ; path -> shared rendered page
(define renders 0)

(define (render path)
  (set! renders (+ renders 1))
  (let ((body (assoc path pages)))
    (and body (string-append "<h1>" (cdr body) "</h1>"))))

(define (page path)
  (let ((hit (hash-table-ref/default cache path #f)))
    (if hit
        hit
        (let ((html (render path)))
          (when html
            (hash-table-set! cache path
                             (shared html (lambda (v) (display "  cache entry freed\n")))))
          html))))

(define (handle line)
  (let ((words (split line)))
    (cond ((and (string=? (car words) "GET") (page (cadr words)))
           => (lambda (html) (string-append "200 " html)))
          ((string=? (car words) "GET") "404 not found")
          ((string=? (car words) "POST")
           (string-append "303 welcome, " (caddr words)))
          (else "400 bad request"))))

(for-each
  (lambda (line)
    (let ((response (with-region 'request (handle line))))
      (display line) (display " -> ") (display response) (newline)))
  requests)

(display (list 'renders renders 'cached (hash-table-size cache)))
(newline)
