(DEFINE (Shout X) (LIST 'Loud X "Strings Keep Their Case" #\A))
