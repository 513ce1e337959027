(import (scheme base) (scheme char) (scheme write) (scheme cxr))

;; A two-pass assembler and an emulator for a tiny register machine with
;; eight registers, a flags word and 256 words of memory. The assembler
;; reads program text from a string port with `read`, collects labels in
;; an association list on the first pass and encodes instructions as
;; vectors on the second. The emulator dispatches on the opcode through
;; an association list of closures; a trace hook is a procedure stored in
;; the machine, and `halt` leaves the run loop through call/cc, with
;; dynamic-wind counting entries into and exits from each run.

(define register-names '(r0 r1 r2 r3 r4 r5 r6 sp))

(define (register-index name)
  (let loop ((names register-names) (i 0))
    (cond ((null? names) #f)
          ((eq? (car names) name) i)
          (else (loop (cdr names) (+ i 1))))))

;; Instruction formats: operand kinds for each mnemonic.
(define formats
  '((mov reg operand) (add reg operand) (sub reg operand) (mul reg operand)
    (div reg operand) (mod reg operand) (cmp reg operand)
    (load reg addr) (store operand addr)
    (jmp label) (jz label) (jnz label) (jlt label) (jgt label)
    (push operand) (pop reg) (call label) (ret) (out operand) (outc operand)
    (halt)))

(define (read-program text)
  ;; the source is a sequence of data read with `read`: label symbols
  ;; ending in ':', and mnemonics each followed by as many operands as its
  ;; format says; the result is a list of labels and instruction lists
  (let ((port (open-input-string text)))
    (define (read-operands n)
      (let loop ((n n) (acc '()))
        (if (= n 0)
            (reverse acc)
            (let ((datum (read port)))
              (if (eof-object? datum)
                  (error "missing operand at end of program")
                  (loop (- n 1) (cons datum acc)))))))
    (let loop ((acc '()))
      (let ((datum (read port)))
        (cond ((eof-object? datum) (reverse acc))
              ((label-definition? datum) (loop (cons datum acc)))
              ((and (symbol? datum) (assq datum formats))
               => (lambda (format)
                    (loop (cons (cons datum (read-operands (length (cdr format)))) acc))))
              (else (error "unknown mnemonic" datum)))))))

(define (label-definition? item)
  (and (symbol? item)
       (let ((s (symbol->string item)))
         (char=? (string-ref s (- (string-length s) 1)) #\:))))

(define (label-name item)
  (let ((s (symbol->string item)))
    (string->symbol (substring s 0 (- (string-length s) 1)))))

(define (assemble text)
  (let ((items (read-program text)))
    ;; pass 1: label addresses
    (define labels
      (let loop ((items items) (addr 0) (labels '()))
        (cond ((null? items) labels)
              ((label-definition? (car items))
               (let ((name (label-name (car items))))
                 (when (assq name labels) (error "duplicate label" name))
                 (loop (cdr items) addr (cons (cons name addr) labels))))
              (else (loop (cdr items) (+ addr 1) labels)))))
    (define (encode-operand kind x)
      (case kind
        ((reg) (or (register-index x) (error "not a register" x)))
        ((operand)
         (cond ((register-index x) => (lambda (i) (list 'reg i)))
               ((integer? x) (list 'imm x))
               ((char? x) (list 'imm (char->integer x)))
               (else (error "bad operand" x))))
        ((addr)
         (cond ((integer? x) (list 'abs x))
               ((and (pair? x) (register-index (car x)))
                (list 'ind (register-index (car x)) (if (pair? (cdr x)) (cadr x) 0)))
               (else (error "bad address" x))))
        ((label)
         (let ((entry (assq x labels)))
           (if entry (cdr entry) (error "undefined label" x))))))
    (define (encode instr)
      (let ((format (assq (car instr) formats)))
        (unless format (error "unknown mnemonic" (car instr)))
        (unless (= (length (cdr format)) (length (cdr instr)))
          (error "wrong operand count" instr))
        (list->vector (cons (car instr) (map encode-operand (cdr format) (cdr instr))))))
    (let ((code (let loop ((items items) (acc '()))
                  (cond ((null? items) (reverse acc))
                        ((label-definition? (car items)) (loop (cdr items) acc))
                        (else (loop (cdr items) (cons (encode (car items)) acc)))))))
      (values (list->vector code) labels))))

;; ---- the machine ------------------------------------------------------------
(define-record-type machine
  (%make-machine regs memory pc flag output steps trace)
  machine?
  (regs machine-regs)
  (memory machine-memory)
  (pc machine-pc set-machine-pc!)
  (flag machine-flag set-machine-flag!)
  (output machine-output)
  (steps machine-steps set-machine-steps!)
  (trace machine-trace set-machine-trace!))

(define (make-machine)
  (let ((m (%make-machine (make-vector 8 0) (make-vector 256 0) 0 0
                          (open-output-string) 0 #f)))
    (vector-set! (machine-regs m) 7 256)  ; stack grows down from the top
    m))

(define (reg m i) (vector-ref (machine-regs m) i))
(define (reg-set! m i v) (vector-set! (machine-regs m) i v))

(define (operand-value m op)
  (case (car op)
    ((reg) (reg m (cadr op)))
    ((imm) (cadr op))))

(define (address m a)
  (let ((addr (case (car a)
                ((abs) (cadr a))
                ((ind) (+ (reg m (cadr a)) (caddr a))))))
    (if (and (>= addr 0) (< addr 256))
        addr
        (error "address out of range" addr))))

(define (push! m v)
  (reg-set! m 7 (- (reg m 7) 1))
  (when (< (reg m 7) 200) (error "stack overflow" (reg m 7)))
  (vector-set! (machine-memory m) (reg m 7) v))

(define (pop! m)
  (when (>= (reg m 7) 256) (error "stack underflow"))
  (let ((v (vector-ref (machine-memory m) (reg m 7))))
    (reg-set! m 7 (+ (reg m 7) 1))
    v))

(define (arith f)
  (lambda (m instr)
    (let ((r (vector-ref instr 1)))
      (reg-set! m r (f (reg m r) (operand-value m (vector-ref instr 2)))))))

(define (jump-if test)
  (lambda (m instr)
    (when (test (machine-flag m))
      (set-machine-pc! m (vector-ref instr 1)))))

(define (checked-division f)
  (arith (lambda (a b)
           (if (= b 0) (error "division by zero" a) (f a b)))))

(define semantics
  (list
   (cons 'mov (arith (lambda (a b) b)))
   (cons 'add (arith +))
   (cons 'sub (arith -))
   (cons 'mul (arith *))
   (cons 'div (checked-division quotient))
   (cons 'mod (checked-division modulo))
   (cons 'cmp (lambda (m instr)
                (let ((a (reg m (vector-ref instr 1)))
                      (b (operand-value m (vector-ref instr 2))))
                  (set-machine-flag! m (cond ((< a b) -1) ((> a b) 1) (else 0))))))
   (cons 'load (lambda (m instr)
                 (reg-set! m (vector-ref instr 1)
                           (vector-ref (machine-memory m) (address m (vector-ref instr 2))))))
   (cons 'store (lambda (m instr)
                  (vector-set! (machine-memory m) (address m (vector-ref instr 2))
                               (operand-value m (vector-ref instr 1)))))
   (cons 'jmp (jump-if (lambda (f) #t)))
   (cons 'jz (jump-if zero?))
   (cons 'jnz (jump-if (lambda (f) (not (zero? f)))))
   (cons 'jlt (jump-if negative?))
   (cons 'jgt (jump-if positive?))
   (cons 'push (lambda (m instr) (push! m (operand-value m (vector-ref instr 1)))))
   (cons 'pop (lambda (m instr) (reg-set! m (vector-ref instr 1) (pop! m))))
   (cons 'call (lambda (m instr)
                 (push! m (machine-pc m))
                 (set-machine-pc! m (vector-ref instr 1))))
   (cons 'ret (lambda (m instr) (set-machine-pc! m (pop! m))))
   (cons 'out (lambda (m instr)
                (write (operand-value m (vector-ref instr 1)) (machine-output m))
                (write-char #\space (machine-output m))))
   (cons 'outc (lambda (m instr)
                 (write-char (integer->char (operand-value m (vector-ref instr 1)))
                             (machine-output m))))))

(define runs-entered 0)
(define runs-left 0)

(define (run! m code max-steps)
  ;; returns (halted steps) or (error message irritants pc)
  (call-with-current-continuation
   (lambda (stop)
     (dynamic-wind
      (lambda () (set! runs-entered (+ runs-entered 1)))
      (lambda ()
        (with-exception-handler
         (lambda (e)
           (stop (list 'error (error-object-message e) (error-object-irritants e)
                       (- (machine-pc m) 1))))
         (lambda ()
           (let loop ()
             (when (>= (machine-steps m) max-steps)
               (stop (list 'step-limit (machine-steps m))))
             (let ((pc (machine-pc m)))
               (unless (< -1 pc (vector-length code)) (error "pc out of range" pc))
               (let* ((instr (vector-ref code pc))
                      (op (vector-ref instr 0)))
                 (set-machine-pc! m (+ pc 1))
                 (set-machine-steps! m (+ (machine-steps m) 1))
                 (when (machine-trace m) ((machine-trace m) pc instr m))
                 (if (eq? op 'halt)
                     (stop (list 'halted (machine-steps m)))
                     (begin ((cdr (assq op semantics)) m instr)
                            (loop)))))))))
      (lambda () (set! runs-left (+ runs-left 1)))))))

(define (run-source name text . options)
  (display "== ") (display name) (newline)
  (guard (e ((error-object? e)
             (display "assembly error: ")
             (write (cons (error-object-message e) (error-object-irritants e)))
             (newline)))
    (let-values (((code labels) (assemble text)))
      (let ((m (make-machine))
            (max-steps (if (pair? options) (car options) 100000)))
        (when (and (pair? options) (pair? (cdr options)))
          (set-machine-trace! m (cadr options)))
        (display "words: ") (display (vector-length code))
        (display ", labels: ") (write (reverse labels)) (newline)
        (let ((result (run! m code max-steps)))
          (display "output: ") (display (get-output-string (machine-output m))) (newline)
          (display "result: ") (write result) (newline)
          (display "registers: ") (write (vector->list (machine-regs m))) (newline))))))

(run-source "factorial"
  "        mov r0 1
           mov r1 10
   loop:   cmp r1 0
           jz done
           mul r0 r1
           sub r1 1
           jmp loop
   done:   out r0
           halt")

(run-source "primes below 60 (trial division, subroutine)"
  "        mov r1 2
   next:   cmp r1 60
           jz finish
           push r1
           call prime?
           pop r1
           cmp r2 1
           jnz skip
           out r1
   skip:   add r1 1
           jmp next
   finish: halt
   ; prime?: r1 candidate, result in r2; uses r3 r4
   prime?: mov r2 1
           mov r3 2
   ploop:  mov r4 r3
           mul r4 r3
           cmp r4 r1
           jgt pdone
           mov r4 r1
           mod r4 r3
           cmp r4 0
           jnz pnext
           mov r2 0
           ret
   pnext:  add r3 1
           jmp ploop
   pdone:  ret")

(run-source "memory: fill, sum, reverse copy"
  "        mov r0 0
   fill:   cmp r0 10
           jz summed
           mov r1 r0
           mul r1 r1
           store r1 (r0 100)
           add r0 1
           jmp fill
   summed: mov r0 0
           mov r2 0
   sum:    cmp r0 10
           jz copy
           load r1 (r0 100)
           add r2 r1
           add r0 1
           jmp sum
   copy:   out r2
           mov r0 0
   cloop:  cmp r0 10
           jz show
           load r1 (r0 100)
           mov r3 119
           sub r3 r0
           store r1 (r3)
           add r0 1
           jmp cloop
   show:   load r4 110
           out r4
           load r4 119
           out r4
           halt")

(run-source "hello via outc"
  "        outc #\\H outc #\\e outc #\\l outc #\\l outc #\\o
           outc 44 outc 32
           mov r0 119 outc r0 outc #\\o outc #\\r outc #\\l outc #\\d outc 33
           halt")

(run-source "recursive fibonacci on the stack"
  "        mov r1 12
           call fib
           out r0
           halt
   ; fib: argument r1, result r0
   fib:    cmp r1 2
           jlt base
           push r1
           sub r1 1
           call fib
           pop r1
           push r0
           push r1
           sub r1 2
           call fib
           pop r1
           pop r2
           add r0 r2
           ret
   base:   mov r0 r1
           ret")

(run-source "runaway loop" "top: add r0 1 jmp top" 500)
(run-source "division by zero" "mov r0 5 mov r1 0 div r0 r1 halt")
(run-source "stack overflow" "f: call f")
(run-source "undefined label" "jmp nowhere")
(run-source "bad register" "mov r9 1 halt")
(run-source "duplicate label" "a: halt a: halt")

;; A trace hook that records the first few executed instructions.
(let ((trace-log '()))
  (run-source "traced countdown"
              "mov r0 3 t: out r0 sub r0 1 cmp r0 0 jgt t halt"
              1000
              (lambda (pc instr m)
                (when (< (length trace-log) 6)
                  (set! trace-log (cons (list pc (vector-ref instr 0) (reg m 0)) trace-log)))))
  (display "trace: ") (write (reverse trace-log)) (newline))

(display "runs entered ") (display runs-entered)
(display ", left ") (display runs-left) (newline)
