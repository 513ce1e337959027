; Brackets close only brackets.
(let ([x 1)) x)
