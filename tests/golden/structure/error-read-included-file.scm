; A read error in an included file is reported there.
(include "include/unbalanced.ss")
(display ok)
