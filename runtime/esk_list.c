/* esk_list.c - pairs and lists, booleans, and the equivalence predicates eq? eqv? equal?. */
#include "eshkol.h"

#include <stdlib.h>
#include <string.h>

/* ---- pairs ------------------------------------------------------------- */
static esk_pair *esk_list_pair(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_IS_PAIR(v)))) esk_type_error(loc, who, "a pair", v);
    return ESK_PAIR(v);
}

esk_val esk_prim_cons(int loc, esk_val a, esk_val b) {
    (void)loc;
    return esk_cons(a, b);
}
esk_val esk_car(int loc, esk_val p) { return esk_list_pair(loc, "car", p)->car; }
esk_val esk_cdr(int loc, esk_val p) { return esk_list_pair(loc, "cdr", p)->cdr; }
esk_val esk_set_car(int loc, esk_val p, esk_val v) {
    esk_pair *cell = esk_list_pair(loc, "set-car!", p);
    ESK_STORE(cell, &cell->car, v);
    return ESK_UNSPECIFIED;
}
esk_val esk_set_cdr(int loc, esk_val p, esk_val v) {
    esk_pair *cell = esk_list_pair(loc, "set-cdr!", p);
    ESK_STORE(cell, &cell->cdr, v);
    return ESK_UNSPECIFIED;
}

/* c[ad]{2,4}r: path is read right to left, as the name is. */
static esk_val esk_list_cxr(int loc, const char *who, const char *path, esk_val v) {
    size_t i = strlen(path);
    while (i-- > 0) {
        if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_IS_PAIR(v)))) esk_type_error(loc, who, "a pair at every step", v);
        v = path[i] == 'a' ? ESK_CAR(v) : ESK_CDR(v);
    }
    return v;
}
esk_val esk_caar(int loc, esk_val v) { return esk_list_cxr(loc, "caar", "aa", v); }
esk_val esk_cadr(int loc, esk_val v) { return esk_list_cxr(loc, "cadr", "ad", v); }
esk_val esk_cdar(int loc, esk_val v) { return esk_list_cxr(loc, "cdar", "da", v); }
esk_val esk_cddr(int loc, esk_val v) { return esk_list_cxr(loc, "cddr", "dd", v); }
esk_val esk_caaar(int loc, esk_val v) { return esk_list_cxr(loc, "caaar", "aaa", v); }
esk_val esk_caadr(int loc, esk_val v) { return esk_list_cxr(loc, "caadr", "aad", v); }
esk_val esk_cadar(int loc, esk_val v) { return esk_list_cxr(loc, "cadar", "ada", v); }
esk_val esk_caddr(int loc, esk_val v) { return esk_list_cxr(loc, "caddr", "add", v); }
esk_val esk_cdaar(int loc, esk_val v) { return esk_list_cxr(loc, "cdaar", "daa", v); }
esk_val esk_cdadr(int loc, esk_val v) { return esk_list_cxr(loc, "cdadr", "dad", v); }
esk_val esk_cddar(int loc, esk_val v) { return esk_list_cxr(loc, "cddar", "dda", v); }
esk_val esk_cdddr(int loc, esk_val v) { return esk_list_cxr(loc, "cdddr", "ddd", v); }
esk_val esk_caaaar(int loc, esk_val v) { return esk_list_cxr(loc, "caaaar", "aaaa", v); }
esk_val esk_caaadr(int loc, esk_val v) { return esk_list_cxr(loc, "caaadr", "aaad", v); }
esk_val esk_caadar(int loc, esk_val v) { return esk_list_cxr(loc, "caadar", "aada", v); }
esk_val esk_caaddr(int loc, esk_val v) { return esk_list_cxr(loc, "caaddr", "aadd", v); }
esk_val esk_cadaar(int loc, esk_val v) { return esk_list_cxr(loc, "cadaar", "adaa", v); }
esk_val esk_cadadr(int loc, esk_val v) { return esk_list_cxr(loc, "cadadr", "adad", v); }
esk_val esk_caddar(int loc, esk_val v) { return esk_list_cxr(loc, "caddar", "adda", v); }
esk_val esk_cadddr(int loc, esk_val v) { return esk_list_cxr(loc, "cadddr", "addd", v); }
esk_val esk_cdaaar(int loc, esk_val v) { return esk_list_cxr(loc, "cdaaar", "daaa", v); }
esk_val esk_cdaadr(int loc, esk_val v) { return esk_list_cxr(loc, "cdaadr", "daad", v); }
esk_val esk_cdadar(int loc, esk_val v) { return esk_list_cxr(loc, "cdadar", "dada", v); }
esk_val esk_cdaddr(int loc, esk_val v) { return esk_list_cxr(loc, "cdaddr", "dadd", v); }
esk_val esk_cddaar(int loc, esk_val v) { return esk_list_cxr(loc, "cddaar", "ddaa", v); }
esk_val esk_cddadr(int loc, esk_val v) { return esk_list_cxr(loc, "cddadr", "ddad", v); }
esk_val esk_cdddar(int loc, esk_val v) { return esk_list_cxr(loc, "cdddar", "ddda", v); }
esk_val esk_cddddr(int loc, esk_val v) { return esk_list_cxr(loc, "cddddr", "dddd", v); }

esk_val esk_pair_p(int loc, esk_val v) { (void)loc; return ESK_BOOL(ESK_IS_PAIR(v)); }
esk_val esk_null_p(int loc, esk_val v) { (void)loc; return ESK_BOOL(v == ESK_NIL); }

/* ---- lists --------------------------------------------------------------- */
/* The length of a proper list, or -1 (improper or circular: Floyd's cycle
 * detection with a fast and a slow pointer). */
intptr_t esk_list_length(esk_val list) {
    intptr_t n = 0;
    esk_val slow = list;
    while (ESK_IS_PAIR(list)) {
        list = ESK_CDR(list);
        ++n;
        if (!ESK_IS_PAIR(list)) break;
        list = ESK_CDR(list);
        ++n;
        slow = ESK_CDR(slow);
        if (list == slow) return -1;
    }
    return list == ESK_NIL ? n : -1;
}

esk_val esk_list_p(int loc, esk_val v) { (void)loc; return ESK_BOOL(esk_list_length(v) >= 0); }

/* The length of *list, a proper list or a shared value holding one (then
 * *list becomes it). */
static intptr_t esk_list_check(int loc, const char *who, esk_val *list) {
    intptr_t n;
    if (ESK_UNLIKELY(ESK_REFUSE(*list, (n = esk_list_length(*list)) < 0))) esk_type_error(loc, who, "a proper list", *list);
    return n;
}

esk_val esk_length(int loc, esk_val list) { return ESK_FIX(esk_list_check(loc, "length", &list)); }

esk_val esk_list(int loc, int argc, esk_val *argv) {
    (void)loc;
    return esk_rest_list(argc, argv, 0);
}

esk_val esk_make_list(int loc, esk_val k, esk_val fill) {
    esk_val list = ESK_NIL;
    intptr_t i;
    if (ESK_UNLIKELY(ESK_REFUSE(k, !ESK_IS_FIXNUM(k) || ESK_FIXVAL(k) < 0))) esk_type_error(loc, "make-list", "a non-negative integer", k);
    if (fill == ESK_DEFAULT) fill = ESK_UNSPECIFIED;
    for (i = 0; i < ESK_FIXVAL(k); ++i) list = esk_cons(fill, list);
    return list;
}

/* A fresh copy of a proper list's spine, and its last pair in *last. */
static esk_val esk_list_copy_spine(esk_val list, esk_val *last) {
    esk_val head = ESK_NIL, tail = ESK_NIL;
    for (; ESK_IS_PAIR(list); list = ESK_CDR(list)) {
        esk_val cell = esk_cons(ESK_CAR(list), ESK_NIL);
        if (tail == ESK_NIL) head = cell;
        else ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), cell);
        tail = cell;
    }
    *last = tail;
    return head;
}

esk_val esk_append(int loc, int argc, esk_val *argv) {
    esk_val result = ESK_NIL, tail = ESK_NIL, last;
    int i;
    if (argc == 0) return ESK_NIL;
    for (i = 0; i < argc - 1; ++i) {
        esk_val copy;
        esk_list_check(loc, "append", &argv[i]);
        copy = esk_list_copy_spine(argv[i], &last);
        if (copy == ESK_NIL) continue;
        if (tail == ESK_NIL) result = copy;
        else ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), copy);  /* tail may be old: a whole copy came between */
        tail = last;
    }
    if (tail == ESK_NIL) return argv[argc - 1];
    ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), argv[argc - 1]);
    return result;
}

esk_val esk_reverse(int loc, esk_val list) {
    esk_val r = ESK_NIL;
    esk_list_check(loc, "reverse", &list);
    for (; ESK_IS_PAIR(list); list = ESK_CDR(list)) r = esk_cons(ESK_CAR(list), r);
    return r;
}

esk_val esk_list_copy(int loc, esk_val list) {
    esk_val head = ESK_NIL, tail = ESK_NIL;
    (void)loc;
    list = esk_see_through(list);
    for (; ESK_IS_PAIR(list); list = ESK_CDR(list)) {
        esk_val cell = esk_cons(ESK_CAR(list), ESK_NIL);
        if (tail == ESK_NIL) head = cell;
        else ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), cell);
        tail = cell;
    }
    if (tail == ESK_NIL) return list; /* not a pair: itself */
    ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), list);  /* an improper tail is kept */
    return head;
}

static esk_val esk_list_drop(int loc, const char *who, esk_val list, esk_val k) {
    intptr_t i;
    list = esk_see_through(list);
    if (ESK_UNLIKELY(ESK_REFUSE(k, !ESK_IS_FIXNUM(k) || ESK_FIXVAL(k) < 0))) esk_type_error(loc, who, "a non-negative integer", k);
    for (i = 0; i < ESK_FIXVAL(k); ++i) {
        if (!ESK_IS_PAIR(list)) esk_range_error(loc, who, k, list);
        list = ESK_CDR(list);
    }
    return list;
}

esk_val esk_list_tail(int loc, esk_val list, esk_val k) { return esk_list_drop(loc, "list-tail", list, k); }

esk_val esk_list_ref(int loc, esk_val list, esk_val k) {
    list = esk_list_drop(loc, "list-ref", list, k);
    if (!ESK_IS_PAIR(list)) esk_range_error(loc, "list-ref", k, list);
    return ESK_CAR(list);
}

/* ---- memq/member, assq/assoc ------------------------------------------------ */
typedef int (*esk_list_same)(esk_val a, esk_val b);
static int esk_list_eq(esk_val a, esk_val b) { return a == b; }

static esk_val esk_list_mem(int loc, const char *who, esk_val x, esk_val list, esk_list_same same, esk_val pred) {
    esk_val start = list = esk_see_through(list);
    for (; ESK_IS_PAIR(list); list = ESK_CDR(list)) {
        int hit = pred != ESK_DEFAULT ? ESK_TRUTHY(esk_call2(loc, pred, x, ESK_CAR(list))) : same(x, ESK_CAR(list));
        if (hit) return list;
    }
    if (list != ESK_NIL) esk_type_error(loc, who, "a proper list", start);
    return ESK_FALSE;
}

static esk_val esk_list_ass(int loc, const char *who, esk_val x, esk_val list, esk_list_same same, esk_val pred) {
    esk_val start = list = esk_see_through(list);
    for (; ESK_IS_PAIR(list); list = ESK_CDR(list)) {
        esk_val entry = ESK_CAR(list);
        int hit;
        if (!ESK_IS_PAIR(entry)) esk_type_error(loc, who, "a list of pairs", start);
        hit = pred != ESK_DEFAULT ? ESK_TRUTHY(esk_call2(loc, pred, x, ESK_CAR(entry))) : same(x, ESK_CAR(entry));
        if (hit) return entry;
    }
    if (list != ESK_NIL) esk_type_error(loc, who, "a proper list", start);
    return ESK_FALSE;
}

esk_val esk_memq(int loc, esk_val x, esk_val l) { return esk_list_mem(loc, "memq", x, l, esk_list_eq, ESK_DEFAULT); }
esk_val esk_memv(int loc, esk_val x, esk_val l) { return esk_list_mem(loc, "memv", x, l, esk_eqv, ESK_DEFAULT); }
esk_val esk_member(int loc, esk_val x, esk_val l, esk_val p) { return esk_list_mem(loc, "member", x, l, esk_equal, p); }
esk_val esk_assq(int loc, esk_val x, esk_val l) { return esk_list_ass(loc, "assq", x, l, esk_list_eq, ESK_DEFAULT); }
esk_val esk_assv(int loc, esk_val x, esk_val l) { return esk_list_ass(loc, "assv", x, l, esk_eqv, ESK_DEFAULT); }
esk_val esk_assoc(int loc, esk_val x, esk_val l, esk_val p) { return esk_list_ass(loc, "assoc", x, l, esk_equal, p); }

/* ---- booleans ------------------------------------------------------------ */
esk_val esk_not(int loc, esk_val v) { (void)loc; return ESK_BOOL(v == ESK_FALSE); }
esk_val esk_boolean_p(int loc, esk_val v) { (void)loc; return ESK_BOOL(v == ESK_TRUE || v == ESK_FALSE); }

esk_val esk_boolean_eq(int loc, int argc, esk_val *argv) {
    int i;
    for (i = 0; i < argc; ++i)
        if (argv[i] != ESK_TRUE && argv[i] != ESK_FALSE) esk_type_error(loc, "boolean=?", "a boolean", argv[i]);
    for (i = 1; i < argc; ++i)
        if (argv[i] != argv[0]) return ESK_FALSE;
    return ESK_TRUE;
}

/* ---- equivalence ------------------------------------------------------------ */
static int esk_list_is_number(esk_val v) {
    return !ESK_IS_FIXNUM(v) && ESK_IS_HEAP(v) &&
           (ESK_HEAP(v)->type == ESK_T_FLONUM || ESK_HEAP(v)->type == ESK_T_BIGNUM || ESK_HEAP(v)->type == ESK_T_RATNUM ||
            ESK_HEAP(v)->type == ESK_T_COMPNUM);
}

int esk_eqv(esk_val a, esk_val b) {
    if (a == b) return 1;
    if (esk_list_is_number(a) && esk_list_is_number(b)) return esk_num_eqv(a, b);
    return 0;
}

/* equal? must terminate on circular structure: pairs of nodes already under
 * comparison are remembered in a small hash set once the walk gets long. */
typedef struct esk_list_seen {
    esk_val *keys; /* pairs of (a, b); 0 marks an empty slot */
    size_t capacity, count;
} esk_list_seen;

static size_t esk_list_hash(esk_val a, esk_val b) { return (size_t)((a >> 3) * 31u + (b >> 3)); }

static void esk_list_seen_grow(esk_list_seen *s);

/* Returns 1 when (a, b) was already there; adds it otherwise. */
static int esk_list_seen_add(esk_list_seen *s, esk_val a, esk_val b) {
    size_t i;
    if ((s->count + 1) * 2 > s->capacity) esk_list_seen_grow(s);
    for (i = esk_list_hash(a, b) & (s->capacity - 1);; i = (i + 1) & (s->capacity - 1)) {
        if (s->keys[2 * i] == 0) break;
        if (s->keys[2 * i] == a && s->keys[2 * i + 1] == b) return 1;
    }
    s->keys[2 * i] = a;
    s->keys[2 * i + 1] = b;
    s->count++;
    return 0;
}

static void esk_list_seen_grow(esk_list_seen *s) {
    esk_list_seen bigger;
    size_t i;
    bigger.capacity = s->capacity ? s->capacity * 2 : 1024;
    bigger.count = 0;
    bigger.keys = calloc(bigger.capacity * 2, sizeof(esk_val));
    if (!bigger.keys) esk_error(0, "equal?: out of memory", ESK_UNSPECIFIED);
    for (i = 0; i < s->capacity; ++i)
        if (s->keys[2 * i] != 0) esk_list_seen_add(&bigger, s->keys[2 * i], s->keys[2 * i + 1]);
    free(s->keys);
    *s = bigger;
}

static int esk_list_equal(esk_val a, esk_val b, esk_list_seen *seen, size_t *steps);

static int esk_list_equal_vectors(esk_val a, esk_val b, esk_list_seen *seen, size_t *steps) {
    esk_vector *x = ESK_VECTOR(a), *y = ESK_VECTOR(b);
    uint32_t i;
    if (x->h.size != y->h.size) return 0;
    for (i = 0; i < x->h.size; ++i)
        if (!esk_list_equal(x->items[i], y->items[i], seen, steps)) return 0;
    return 1;
}

static int esk_list_equal_atoms(esk_val a, esk_val b) {
    if (ESK_HAS_TYPE(a, ESK_T_STRING) && ESK_HAS_TYPE(b, ESK_T_STRING)) return esk_string_equal(a, b);
    if (ESK_HAS_TYPE(a, ESK_T_BYTEVECTOR) && ESK_HAS_TYPE(b, ESK_T_BYTEVECTOR))
        return ESK_BYTEVECTOR(a)->length == ESK_BYTEVECTOR(b)->length &&
               memcmp(ESK_BYTEVECTOR(a)->bytes, ESK_BYTEVECTOR(b)->bytes, ESK_BYTEVECTOR(a)->length) == 0;
    return esk_eqv(a, b);
}

/* Recursion on car, a loop on cdr; past a million steps, every pair of
 * nodes visited is remembered so cycles end the walk. */
static int esk_list_equal(esk_val a, esk_val b, esk_list_seen *seen, size_t *steps) {
    for (;;) {
        if (a == b) return 1;
        if (++*steps > 1000000 && esk_list_seen_add(seen, a, b)) return 1;
        if (ESK_IS_PAIR(a) && ESK_IS_PAIR(b)) {
            if (!esk_list_equal(ESK_CAR(a), ESK_CAR(b), seen, steps)) return 0;
            a = ESK_CDR(a);
            b = ESK_CDR(b);
            continue;
        }
        if (ESK_HAS_TYPE(a, ESK_T_VECTOR) && ESK_HAS_TYPE(b, ESK_T_VECTOR)) {
            return esk_list_equal_vectors(a, b, seen, steps);
        }
        return esk_list_equal_atoms(a, b);
    }
}

int esk_equal(esk_val a, esk_val b) {
    esk_list_seen seen = {NULL, 0, 0};
    size_t steps = 0;
    int result = esk_list_equal(a, b, &seen, &steps);
    free(seen.keys);
    return result;
}

esk_val esk_eq_p(int loc, esk_val a, esk_val b) { (void)loc; return ESK_BOOL(a == b); }
esk_val esk_eqv_p(int loc, esk_val a, esk_val b) { (void)loc; return ESK_BOOL(esk_eqv(a, b)); }
esk_val esk_equal_p(int loc, esk_val a, esk_val b) { (void)loc; return ESK_BOOL(esk_equal(a, b)); }

/* (reverse! list): reverses in place, reusing the pairs. */
esk_val esk_reverse_x(int loc, esk_val list) {
    esk_val r = ESK_NIL;
    esk_list_check(loc, "reverse!", &list);
    while (ESK_IS_PAIR(list)) {
        esk_val next = ESK_CDR(list);
        ESK_STORE(ESK_PAIR(list), &ESK_CDR(list), r);  /* an older pair may get a younger cdr */
        r = list;
        list = next;
    }
    return r;
}

/* (append-reverse! rev-head tail): (append (reverse! rev-head) tail). */
esk_val esk_append_reverse_x(int loc, esk_val head, esk_val tail) {
    esk_list_check(loc, "append-reverse!", &head);
    while (ESK_IS_PAIR(head)) {
        esk_val next = ESK_CDR(head);
        ESK_STORE(ESK_PAIR(head), &ESK_CDR(head), tail);
        tail = head;
        head = next;
    }
    return tail;
}

esk_val esk_eof_object(int loc) { (void)loc; return ESK_EOF; }
esk_val esk_eof_object_p(int loc, esk_val v) { (void)loc; return ESK_BOOL(v == ESK_EOF); }
