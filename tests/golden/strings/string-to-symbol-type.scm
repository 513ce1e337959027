; string->symbol of a symbol
(string->symbol 'abc)
