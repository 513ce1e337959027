;;; An object system made of closures: an object is a procedure taking a
;;; message and arguments; classes are objects that make instances;
;;; inheritance is delegation to a parent object, with `super` sends;
;;; method tables are association lists of closures. A shape hierarchy,
;;; a bank of counters and an observer pattern use it.
(import (scheme base) (scheme write) (scheme inexact))

;;; ------------------------------------------------------------ core

;; (send obj 'message arg ...)
(define (send obj message . args)
  (apply obj message args))

(define (no-method name message)
  (error "message not understood" name message))

;; make-object: methods is an alist (message . (lambda (self arg ...) ...)),
;; parent an object or #f. `self` is passed explicitly so that a method
;; inherited from a parent still dispatches on the original receiver.
(define (make-object name methods parent)
  (define (dispatch self message args)
    (let ((m (assq message methods)))
      (cond (m (apply (cdr m) self args))
            (parent (parent 'dispatch-as self message args))
            (else (no-method name message)))))
  (define (object message . args)
    (case message
      ((dispatch-as) (dispatch (car args) (cadr args) (caddr args)))
      ((responds-to?)
       (or (and (assq (car args) methods) #t)
           (and parent (parent 'responds-to? (car args)))))
      ((class-name) name)
      (else (dispatch object message args))))
  object)

;; Define a method table with a little syntax: (methods (msg (self a ...) body ...) ...)
(define-syntax methods
  (syntax-rules ()
    ((_ (message (self arg ...) body ...) ...)
     (list (cons 'message (lambda (self arg ...) body ...)) ...))))

;;; ------------------------------------------------------------ shapes

(define pi (* 4 (atan 1)))

(define (round-to x places)
  (let ((scale (expt 10 places)))
    (/ (round (* x scale)) scale)))

(define (make-shape name)
  (let ((moves 0))
    (make-object name
                 (methods
                  (area (self) 0)
                  (perimeter (self) 0)
                  (describe (self)
                            (string-append (symbol->string (send self 'kind))
                                           " \"" name "\""
                                           " area " (number->string (round-to (send self 'area) 2))
                                           " perimeter " (number->string (round-to (send self 'perimeter) 2))))
                  (kind (self) 'shape)
                  (move! (self dx dy) (set! moves (+ moves 1)) moves)
                  (moves (self) moves))
                 #f)))

(define (make-rectangle name w h)
  (make-object name
               (methods
                (area (self) (* w h))
                (perimeter (self) (* 2 (+ w h)))
                (kind (self) 'rectangle)
                (width (self) w)
                (height (self) h)
                (scale! (self k) (set! w (* w k)) (set! h (* h k)) self))
               (make-shape name)))

;; A square is a rectangle whose kind is different and that keeps its
;; sides equal; it overrides describe with a super call.
(define (make-square name side)
  (let ((parent (make-rectangle name side side)))
    (make-object name
                 (methods
                  (kind (self) 'square)
                  (describe (self)
                            (string-append (parent 'dispatch-as self 'describe '())
                                           " side " (number->string (send self 'width)))))
                 parent)))

(define (make-circle name r)
  (make-object name
               (methods
                (area (self) (* pi r r))
                (perimeter (self) (* 2 pi r))
                (kind (self) 'circle)
                (radius (self) r)
                (scale! (self k) (set! r (* r k)) self))
               (make-shape name)))

(define (make-triangle name a b c)
  (make-object name
               (methods
                (area (self)
                      ;; Heron's formula
                      (let ((s (/ (+ a b c) 2)))
                        (sqrt (* s (- s a) (- s b) (- s c)))))
                (perimeter (self) (+ a b c))
                (kind (self) 'triangle))
               (make-shape name)))

(define shapes
  (list (make-rectangle "door" 1 2)
        (make-square "tile" 3)
        (make-circle "coin" 1)
        (make-triangle "sail" 3 4 5)
        (make-circle "plate" 5/2)))

(for-each (lambda (s) (display (send s 'describe)) (newline)) shapes)

(define (sort-by key lst)
  (define (insert x sorted)
    (if (or (null? sorted) (< (key x) (key (car sorted))))
        (cons x sorted)
        (cons (car sorted) (insert x (cdr sorted)))))
  (let loop ((lst lst) (acc '()))
    (if (null? lst) acc (loop (cdr lst) (insert (car lst) acc)))))

(display "by area:")
(for-each (lambda (s) (display " ") (display (s 'class-name)))
          (sort-by (lambda (s) (send s 'area)) shapes))
(newline)

(display "total area: ")
(display (round-to (apply + (map (lambda (s) (send s 'area)) shapes)) 3))
(newline)

(let ((tile (cadr shapes)))
  (send tile 'scale! 2)
  (display "after scaling: ")
  (display (send tile 'describe))
  (newline)
  (send tile 'move! 1 1)
  (send tile 'move! 2 0)
  (display "tile moved ")
  (display (send tile 'moves))
  (display " times; responds to radius? ")
  (display (send tile 'responds-to? 'radius))
  (display ", to width? ")
  (display (send tile 'responds-to? 'width))
  (newline))

;; Sending an unknown message raises an error object we can inspect.
(display
 (guard (e ((error-object? e)
            (list (error-object-message e) (error-object-irritants e))))
   (send (car shapes) 'fly)))
(newline)

;;; ------------------------------------------------------------ counters

;; A class object: it counts its instances and makes them.
(define counter-class
  (let ((instances 0))
    (make-object "Counter"
                 (methods
                  (new (self start step)
                       (set! instances (+ instances 1))
                       (let ((value start) (history '()))
                         (make-object "counter"
                                      (methods
                                       (next! (self)
                                              (set! history (cons value history))
                                              (set! value (+ value step))
                                              value)
                                       (value (self) value)
                                       (history (self) (reverse history))
                                       (reset! (self) (set! value start) (set! history '())))
                                      #f)))
                  (instances (self) instances))
                 #f)))

(define c1 (send counter-class 'new 0 1))
(define c2 (send counter-class 'new 100 -7))
(do ((i 0 (+ i 1))) ((= i 5))
  (send c1 'next!)
  (send c2 'next!))
(display "counters: ")
(write (list (send c1 'value) (send c2 'value) (send c2 'history)
             (send counter-class 'instances)))
(newline)

;;; ------------------------------------------------------------ observers

(define (make-subject)
  (let ((observers '()) (state #f))
    (make-object "subject"
                 (methods
                  (attach! (self observer) (set! observers (append observers (list observer))))
                  (set-state! (self new)
                              (let ((old state))
                                (set! state new)
                                (for-each (lambda (o) (send o 'notify self old new)) observers)))
                  (state (self) state))
                 #f)))

(define (make-logger label)
  (let ((log '()))
    (make-object label
                 (methods
                  (notify (self subject old new)
                          (set! log (cons (list old '-> new) log)))
                  (log (self) (reverse log)))
                 #f)))

(define (make-threshold-watcher limit)
  (let ((alarms 0))
    (make-object "watcher"
                 (methods
                  (notify (self subject old new)
                          (when (and (number? new) (> new limit))
                            (set! alarms (+ alarms 1))))
                  (alarms (self) alarms))
                 #f)))

(let ((subject (make-subject))
      (logger (make-logger "log"))
      (watcher (make-threshold-watcher 10)))
  (send subject 'attach! logger)
  (send subject 'attach! watcher)
  (for-each (lambda (v) (send subject 'set-state! v)) '(3 14 9 27 11 2))
  (display "log: ")
  (write (send logger 'log))
  (newline)
  (display "alarms: ")
  (display (send watcher 'alarms))
  (newline))
