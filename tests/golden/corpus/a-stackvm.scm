(import (scheme base) (scheme write) (scheme cxr))

;; A compiler from a tiny expression language to a stack machine, and the
;; machine. Source: numbers, variables, (+ a b) (- a b) (* a b) (< a b)
;; (= a b), (if c t e), (let ((x e) ...) body), (seq e ...), (set x e),
;; (while c body), (print e), and calls to top-level functions defined with
;; (fun name (params) body). Locals live in frame slots; the compiler maps
;; names to slot numbers with an association list.

(define (compile-program program)
  (define code '())
  (define pc 0)
  (define label-counter 0)
  (define functions '())                ; name -> (label . arity)
  (define (emit! . instr)
    (set! code (cons instr code))
    (set! pc (+ pc 1)))
  (define (new-label)
    (set! label-counter (+ label-counter 1))
    (string->symbol (string-append "L" (number->string label-counter))))
  (define (place-label! l) (emit! 'label l))
  (define (compile-expr e scope depth)
    ;; scope: alist var -> slot; depth: next free slot
    (cond ((number? e) (emit! 'push e))
          ((symbol? e)
           (let ((slot (assq e scope)))
             (if slot
                 (emit! 'load (cdr slot))
                 (error "unknown variable" e))))
          (else
           (case (car e)
             ((+ - * < =)
              (compile-expr (cadr e) scope depth)
              (compile-expr (caddr e) scope depth)
              (emit! (cdr (assq (car e) '((+ . add) (- . sub) (* . mul)
                                          (< . lt) (= . eq))))))
             ((if)
              (let ((else-label (new-label)) (end-label (new-label)))
                (compile-expr (cadr e) scope depth)
                (emit! 'jump-if-false else-label)
                (compile-expr (caddr e) scope depth)
                (emit! 'jump end-label)
                (place-label! else-label)
                (compile-expr (cadddr e) scope depth)
                (place-label! end-label)))
             ((let)
              (let loop ((bindings (cadr e)) (scope scope) (depth depth))
                (if (null? bindings)
                    (compile-expr (caddr e) scope depth)
                    (begin
                      (compile-expr (cadar bindings) scope depth)
                      (emit! 'store depth)
                      (loop (cdr bindings)
                            (cons (cons (caar bindings) depth) scope)
                            (+ depth 1))))))
             ((seq)
              (let loop ((es (cdr e)))
                (compile-expr (car es) scope depth)
                (unless (null? (cdr es))
                  (emit! 'pop)
                  (loop (cdr es)))))
             ((set)
              (compile-expr (caddr e) scope depth)
              (emit! 'dup)
              (emit! 'store (cdr (assq (cadr e) scope))))
             ((while)
              (let ((top (new-label)) (done (new-label)))
                (place-label! top)
                (compile-expr (cadr e) scope depth)
                (emit! 'jump-if-false done)
                (compile-expr (caddr e) scope depth)
                (emit! 'pop)
                (emit! 'jump top)
                (place-label! done)
                (emit! 'push 0)))
             ((print)
              (compile-expr (cadr e) scope depth)
              (emit! 'dup)
              (emit! 'print))
             (else
              (let ((f (assq (car e) functions)))
                (unless f (error "unknown function" (car e)))
                (unless (= (cddr f) (length (cdr e)))
                  (error "wrong argument count" e))
                (for-each (lambda (arg) (compile-expr arg scope depth)) (cdr e))
                (emit! 'call (cadr f) (length (cdr e)))))))))
  (define (compile-function def)
    (let ((name (cadr def)) (params (caddr def)) (body (cadddr def)))
      (place-label! (cadr (assq name functions)))
      (let loop ((ps params) (i 0) (scope '()))
        (if (null? ps)
            (compile-expr body scope i)
            (loop (cdr ps) (+ i 1) (cons (cons (car ps) i) scope))))
      (emit! 'ret)))
  ;; First pass: give every function a label, so calls can be forward.
  (for-each (lambda (def)
              (when (eq? (car def) 'fun)
                (set! functions
                      (cons (cons (cadr def) (cons (new-label) (length (caddr def))))
                            functions))))
            program)
  (let ((main (filter-out (lambda (d) (eq? (car d) 'fun)) program)))
    (for-each (lambda (e) (compile-expr e '() 0) (emit! 'pop)) main)
    (emit! 'halt)
    (for-each compile-function
              (filter-out (lambda (d) (not (eq? (car d) 'fun))) program)))
  (reverse code))

(define (filter-out drop? lst)
  (let loop ((lst lst) (acc '()))
    (cond ((null? lst) (reverse acc))
          ((drop? (car lst)) (loop (cdr lst) acc))
          (else (loop (cdr lst) (cons (car lst) acc))))))

;; Assembly: remove label pseudo-instructions, resolve labels to addresses,
;; and produce a vector of instructions.
(define (assemble code)
  (let-values (((labels size)
                (let loop ((code code) (addr 0) (labels '()))
                  (cond ((null? code) (values labels addr))
                        ((eq? (caar code) 'label)
                         (loop (cdr code) addr (cons (cons (cadar code) addr) labels)))
                        (else (loop (cdr code) (+ addr 1) labels))))))
    (let ((program (make-vector size #f)))
      (let loop ((code code) (addr 0))
        (cond ((null? code) program)
              ((eq? (caar code) 'label) (loop (cdr code) addr))
              (else
               (let ((instr (car code)))
                 (vector-set! program addr
                              (case (car instr)
                                ((jump jump-if-false)
                                 (list (car instr) (cdr (assq (cadr instr) labels))))
                                ((call)
                                 (list 'call (cdr (assq (cadr instr) labels)) (caddr instr)))
                                (else instr)))
                 (loop (cdr code) (+ addr 1)))))))))

;; The machine: an operand stack (list), a frame stack of slot vectors and
;; return addresses. Dispatch goes through a vector of handler closures
;; indexed by opcode number.
(define opcodes '(push load store pop dup add sub mul lt eq jump jump-if-false
                  call ret print halt))

(define (opcode-index op)
  (let loop ((ops opcodes) (i 0))
    (cond ((null? ops) (error "unknown opcode" op))
          ((eq? (car ops) op) i)
          (else (loop (cdr ops) (+ i 1))))))

(define (run program out)
  (define stack '())
  (define frames (list (make-vector 16 0)))
  (define returns '())
  (define pc 0)
  (define steps 0)
  (define max-depth 0)
  (define (push! v) (set! stack (cons v stack)))
  (define (pop!)
    (let ((v (car stack))) (set! stack (cdr stack)) v))
  (define (binary f)
    (lambda (instr)
      (let* ((b (pop!)) (a (pop!)))
        (push! (f a b)))))
  (define (bool->int b) (if b 1 0))
  (define handlers
    (vector
     (lambda (instr) (push! (cadr instr)))                                 ; push
     (lambda (instr) (push! (vector-ref (car frames) (cadr instr))))       ; load
     (lambda (instr) (vector-set! (car frames) (cadr instr) (pop!)))       ; store
     (lambda (instr) (pop!))                                               ; pop
     (lambda (instr) (push! (car stack)))                                  ; dup
     (binary +) (binary -) (binary *)
     (binary (lambda (a b) (bool->int (< a b))))
     (binary (lambda (a b) (bool->int (= a b))))
     (lambda (instr) (set! pc (cadr instr)))                               ; jump
     (lambda (instr) (if (= (pop!) 0) (set! pc (cadr instr))))             ; jump-if-false
     (lambda (instr)                                                       ; call
       (let ((frame (make-vector 16 0)))
         (do ((i (- (caddr instr) 1) (- i 1))) ((< i 0))
           (vector-set! frame i (pop!)))
         (set! frames (cons frame frames))
         (set! returns (cons pc returns))
         (set! max-depth (max max-depth (length returns)))
         (set! pc (cadr instr))))
     (lambda (instr)                                                       ; ret
       (set! frames (cdr frames))
       (set! pc (car returns))
       (set! returns (cdr returns)))
     (lambda (instr) (write (pop!) out) (newline out))                     ; print
     #f))
  (let loop ()
    (let* ((instr (vector-ref program pc))
           (op (opcode-index (car instr))))
      (set! pc (+ pc 1))
      (set! steps (+ steps 1))
      (if (eq? (car instr) 'halt)
          (list 'steps steps 'max-call-depth max-depth 'stack stack)
          (begin ((vector-ref handlers op) instr)
                 (loop))))))

(define (show-code code)
  (for-each (lambda (instr)
              (if (eq? (car instr) 'label)
                  (begin (display (cadr instr)) (display ":"))
                  (begin (display "    ") (write instr)))
              (newline))
            code))

(define (compile-and-run name program)
  (display "== ") (display name) (newline)
  (let* ((code (compile-program program))
         (binary (assemble code))
         (out (open-output-string))
         (result (run binary out)))
    (display "instructions: ") (display (vector-length binary)) (newline)
    (display (get-output-string out))
    (write result) (newline)
    code))

(show-code
 (compile-and-run "arith"
                  '((print (+ 1 (* 2 3)))
                    (print (let ((x 5) (y (* 2 2))) (- (* x x) y))))))

(compile-and-run "factorial"
                 '((fun fact (n) (if (< n 1) 1 (* n (fact (- n 1)))))
                   (print (fact 10))
                   (print (fact 25))))

(compile-and-run "loops"
                 '((let ((i 0) (sum 0))
                     (seq (while (< i 10)
                                 (seq (set sum (+ sum (* i i)))
                                      (set i (+ i 1))))
                          (print sum)))
                   (fun gcd (a b) (if (= b 0) a (gcd b (mod a b))))
                   (fun mod (a b) (if (< a b) a (mod (- a b) b)))
                   (print (gcd 1071 462))
                   (print (gcd 17 5))))

(compile-and-run "fib and mutual recursion"
                 '((fun fib (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
                   (fun even (n) (if (= n 0) 1 (odd (- n 1))))
                   (fun odd (n) (if (= n 0) 0 (even (- n 1))))
                   (print (fib 12))
                   (print (even 21))
                   (print (odd 21))
                   (let ((k 0))
                     (while (< k 5)
                            (seq (print (fib (* k 3))) (set k (+ k 1)))))))

(define (compile-error program)
  (call-with-current-continuation
   (lambda (k)
     (with-exception-handler
      (lambda (e) (k (cons (error-object-message e) (error-object-irritants e))))
      (lambda () (compile-program program))))))

(write (compile-error '((print (+ x 1))))) (newline)
(write (compile-error '((fun f (a b) a) (print (f 1))))) (newline)
(write (compile-error '((print (g 1))))) (newline)
