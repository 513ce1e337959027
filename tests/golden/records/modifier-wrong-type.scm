; A modifier given something that is not a record of its type is a run-time error.
(define-record-type account (make-account owner balance) account?
  (owner account-owner)
  (balance account-balance set-account-balance!))
(define (deposit! acct amount)
  (set-account-balance! acct (+ (account-balance acct) amount)))
(define a (make-account "ann" 10))
(deposit! a 5)
(display (account-balance a))
(newline)
(set-account-balance! (list "bob" 20) 0)
