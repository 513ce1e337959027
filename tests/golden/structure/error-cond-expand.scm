; Malformed cond-expand forms.
(cond-expand ((foo bar) 1))
(cond-expand ((not) 1))
(cond-expand (else 1) (r7rs 2))
(cond-expand)
(cond-expand r7rs)
(cond-expand ((library scheme) 1))
