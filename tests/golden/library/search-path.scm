;;; eshkolc: -I sub
; -I DIR: libraries are looked for beside the importing file, then under
; each -I folder: (extra strings) is sub/extra/strings.sld, and the (extra
; lists) it imports is sub/extra/lists.scm, found under the folder its
; importer was found under.
(import (scheme base) (scheme write) (extra strings))
(display (string-repeat "ab" 3)) (newline)
(display (join '("x" "y" "z") ", ")) (newline)
