;; A program with no forms: its value is 0.
