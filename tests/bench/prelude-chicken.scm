;;; Pasted by tools/bench in front of every benchmark compiled with CHICKEN.
;;; CHICKEN 5 has no R7RS bytevector procedures in its default environment;
;;; its SRFI 4 u8vectors are the same thing under other names.
(import (only srfi-4 make-u8vector u8vector-ref u8vector-set! u8vector-length))
(define-syntax make-bytevector
  (syntax-rules () ((_ n fill) (make-u8vector n fill))))
(define-syntax bytevector-u8-ref
  (syntax-rules () ((_ b i) (u8vector-ref b i))))
(define-syntax bytevector-u8-set!
  (syntax-rules () ((_ b i x) (u8vector-set! b i x))))
(define-syntax bytevector-length
  (syntax-rules () ((_ b) (u8vector-length b))))
