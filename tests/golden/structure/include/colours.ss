(define colours '(red green blue))
