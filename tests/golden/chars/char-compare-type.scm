; every argument of char<? is checked, even after the answer is known
(char<? #\b #\a 3)
