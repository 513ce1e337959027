; Nested imports: the program imports (app greeter), which imports (app
; base); the program imports (app base) as well. Each library's body runs
; once, dependencies first, before the program's.
(import (scheme base) (scheme write) (app greeter) (only (app base) shout))
(display "the program starts") (newline)
(display (greet-loudly "world")) (newline)
(display (plain-greet "there")) (newline)
(display (shout "abc")) (newline)
(display (base-trace)) (newline)
