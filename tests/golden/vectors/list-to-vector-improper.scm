; list->vector of an improper list
(list->vector (cons 1 (cons 2 3)))
