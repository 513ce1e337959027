; ,@ must be inside a list or vector template: `,@x on its own has nowhere to splice (R7RS 4.2.8).
; (The wording of this diagnostic is a proposal: eshkolc does not report it yet.)
(define x '(1 2))
(write `,@x)
