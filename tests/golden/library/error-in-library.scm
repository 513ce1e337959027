; Errors inside a library file are reported in that file, at their line.
(import (scheme base) (bad lib))
(uses-unknown 1)
