; Two libraries each define helper and count, privately: neither sees the
; other's, and the program's own helper and count are a third pair.
(import (scheme base) (scheme write) (util a) (util b))
(define helper 'program-helper)
(define count -1)
(display (describe-a)) (newline)
(display (describe-b)) (newline)
(display (list (counter-a) (counter-a) (counter-b) (counter-a) (counter-b))) (newline)
(display (list helper count)) (newline)
