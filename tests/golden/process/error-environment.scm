; get-environment-variable takes a string.
(get-environment-variable 'PATH)
