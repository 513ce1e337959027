;; Writing into the live part of the stack (from sp up to 65536) traps, so
;; no program can corrupt a frame. By hand: 0 ENTER, 1 LIT 65535, 2 LIT 1,
;; 3 STORE; at the STORE the address operand itself sits at 65535.
(mem-write 65535 1)
