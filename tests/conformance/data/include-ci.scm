;; Read by 4.1.7-include.scm with include-ci: names and symbols fold to lower case.
(define CI-Value 'MixedCase)
