;;; eshkolc: -I sub
; An unknown library is an error at the import, naming every file looked
; for: beside the program, then under each -I folder.
(import (scheme base) (only (nowhere to be found) thing))
(import (extra strings) (extra missing))
(display (string-repeat "a" 2))
