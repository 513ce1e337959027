(define leaf-value 'leaf)
