; list->string of a list holding a non-character
(list->string (list #\a #\b 99))
