(define forty-two 42)
