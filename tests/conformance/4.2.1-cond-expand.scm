;;; R7RS 4.2.1 cond-expand (and the feature requirements of 7.1.2), in
;;; expressions and at top level. Only the features R7RS requires (r7rs) or
;;; that are certainly absent are used.
(import (scheme base) (scheme write))

(cond-expand
  (r7rs (define expanded-at-top 'r7rs-branch))
  (else (define expanded-at-top 'else-branch)))
(cond-expand
  (no-such-feature-at-all (define second-top 'wrong))
  (else (define second-top 'else-branch)))

(check "4.2.1 cond-expand r7rs" (lambda () (cond-expand (r7rs 'r7rs) (else 'other))) 'r7rs)
(check "4.2.1 cond-expand else" (lambda () (cond-expand (no-such-feature-at-all 'a) (else 'b))) 'b)
(check "4.2.1 cond-expand and" (lambda () (cond-expand ((and r7rs (not no-such-feature-at-all)) 'yes) (else 'no))) 'yes)
(check "4.2.1 cond-expand empty and" (lambda () (cond-expand ((and) 'yes) (else 'no))) 'yes)
(check "4.2.1 cond-expand or" (lambda () (cond-expand ((or no-such-feature-at-all r7rs) 'yes) (else 'no))) 'yes)
(check "4.2.1 cond-expand empty or" (lambda () (cond-expand ((or) 'yes) (else 'no))) 'no)
(check "4.2.1 cond-expand not" (lambda () (cond-expand ((not r7rs) 'a) (else 'b))) 'b)
(check "4.2.1 cond-expand library present" (lambda () (cond-expand ((library (scheme base)) 'has-base) (else 'no))) 'has-base)
;; guile 3.0.8 raises an error for a missing library instead of taking the
;; requirement as false.
(check "4.2.1 cond-expand library absent" (lambda () (cond-expand ((library (no such library)) 'yes) (else 'no))) 'no)
(check "4.2.1 cond-expand first match wins" (lambda () (cond-expand (r7rs 'first) ((not no-such-feature-at-all) 'second))) 'first)
(check "4.2.1 cond-expand body sequence" (lambda () (cond-expand (r7rs 1 2 3))) 3)
(check "4.2.1 cond-expand top-level definition" (lambda () expanded-at-top) 'r7rs-branch)
(check "4.2.1 cond-expand top-level else definition" (lambda () second-top) 'else-branch)
(check "4.2.1 cond-expand in a body with definitions"
       (lambda () (let () (cond-expand (r7rs (define inner 5)) (else (define inner 6))) inner))
       5)
