; A tiny stack virtual machine: an assembler resolving labels, an interpreter loop over a vector of
; instructions, a compiler from arithmetic expressions to VM code, and a few programs with loops and calls.

;; Instructions: (push n) (load i) (store i) (add) (sub) (mul) (lt) (dup) (swap) (pop)
;;               (jump label) (jz label) (call label) (ret) (print) (halt); a label is a bare symbol.
(define (assemble program)
  (let loop ((items program) (pc 0) (labels '()) (code '()))
    (cond ((null? items)
           (list->vector
            (map (lambda (ins)
                   (if (and (memq (car ins) '(jump jz call)) (symbol? (cadr ins)))
                       (let ((target (assq (cadr ins) labels)))
                         (if target (list (car ins) (cdr target)) (error "undefined label" (cadr ins))))
                       ins))
                 (reverse code))))
          ((symbol? (car items)) (loop (cdr items) pc (cons (cons (car items) pc) labels) code))
          (else (loop (cdr items) (+ pc 1) labels (cons (car items) code))))))

(define (run code)
  (let ((memory (make-vector 8 0)) (output '()) (steps 0))
    (let exec ((pc 0) (stack '()) (calls '()))
      (set! steps (+ steps 1))
      (let* ((ins (vector-ref code pc)) (op (car ins)))
        (define (binary f) (exec (+ pc 1) (cons (f (cadr stack) (car stack)) (cddr stack)) calls))
        (case op
          ((push) (exec (+ pc 1) (cons (cadr ins) stack) calls))
          ((load) (exec (+ pc 1) (cons (vector-ref memory (cadr ins)) stack) calls))
          ((store) (vector-set! memory (cadr ins) (car stack)) (exec (+ pc 1) (cdr stack) calls))
          ((add) (binary +))
          ((sub) (binary -))
          ((mul) (binary *))
          ((lt) (binary (lambda (a b) (if (< a b) 1 0))))
          ((dup) (exec (+ pc 1) (cons (car stack) stack) calls))
          ((swap) (exec (+ pc 1) (cons (cadr stack) (cons (car stack) (cddr stack))) calls))
          ((pop) (exec (+ pc 1) (cdr stack) calls))
          ((jump) (exec (cadr ins) stack calls))
          ((jz) (exec (if (= (car stack) 0) (cadr ins) (+ pc 1)) (cdr stack) calls))
          ((call) (exec (cadr ins) stack (cons (+ pc 1) calls)))
          ((ret) (exec (car calls) stack (cdr calls)))
          ((print) (set! output (cons (car stack) output)) (exec (+ pc 1) (cdr stack) calls))
          ((halt) (list 'stack stack 'output (reverse output) 'steps steps))
          (else (error "bad instruction" ins)))))))

;; factorial of 20 with a loop: memory 0 = n, memory 1 = accumulator
(define factorial
  (assemble '((push 20) (store 0) (push 1) (store 1)
              loop
              (load 0) (jz done)
              (load 1) (load 0) (mul) (store 1)
              (load 0) (push 1) (sub) (store 0)
              (jump loop)
              done
              (load 1) (print) (halt))))
(display (run factorial)) (newline)

;; print the first squares using a subroutine that squares the top of the stack
(define squares
  (assemble '((push 1) (store 0)
              next
              (load 0) (push 8) (lt) (jz finish)
              (load 0) (call square) (print)
              (load 0) (push 1) (add) (store 0)
              (jump next)
              finish (halt)
              square (dup) (mul) (ret))))
(display (run squares)) (newline)

;; compile arithmetic expressions with variables (kept in memory slots) to VM code
(define (compile-expr e vars)
  (cond ((number? e) (list (list 'push e)))
        ((symbol? e) (list (list 'load (list-index (lambda (v) (eq? v e)) vars))))
        (else
         (let ((op (cdr (assq (car e) '((+ . add) (- . sub) (* . mul))))))
           (let loop ((args (cddr e)) (code (compile-expr (cadr e) vars)))
             (if (null? args)
                 code
                 (loop (cdr args) (append code (compile-expr (car args) vars) (list (list op))))))))))
(define (compile-program bindings body)
  (let ((vars (map car bindings)))
    (append (append-map (lambda (b i) (append (compile-expr (cadr b) vars) (list (list 'store i))))
                        bindings (iota (length bindings)))
            (compile-expr body vars)
            '((print) (halt)))))

(define prog (compile-program '((x 6) (y 7) (z (+ x y))) '(- (* x y z) (+ x 1) 2)))
(write prog) (newline)
(define result (run (assemble prog)))
(display result) (newline)
(display (= (car (list-ref result 3)) (let* ((x 6) (y 7) (z (+ x y))) (- (* x y z) (+ x 1) 2)))) (newline)
(display (guard (e ((error-object? e) (list (error-object-message e) (error-object-irritants e))))
           (assemble '((jump nowhere)))))
(newline)
