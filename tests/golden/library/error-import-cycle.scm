; Libraries that import each other (here through a third) are an error,
; naming the cycle, at the import that closes it.
(import (scheme base) (cyc a))
(a)
