;;; startup -- prints one number and exits: the fixed cost of starting each
;;; implementation's program (runtime set-up, boot files), to read the other
;;; rows against. Chez Scheme, for one, loads its boot files here.

(display 0)
(newline)
