/* esk_record.c - records (define-record-type) and promises (delay, delay-force, force). */
#include "eshkol.h"

/* ---- records -------------------------------------------------------------- */
esk_val esk_make_record_type(int loc, esk_val name, esk_val fields) {
    esk_record_type *t = esk_alloc_obj(ESK_T_RECORD_TYPE, 0, sizeof(esk_record_type));
    intptr_t n = esk_list_length(fields);
    if (n < 0) esk_type_error(loc, "define-record-type", "a list of field names", fields);
    t->h.type = ESK_T_RECORD_TYPE;
    t->h.size = (uint32_t)n;
    t->name = name;
    t->fields = fields;
    return ESK_FROM_HEAP(t);
}

/* (%make-record type field ...) */
esk_val esk_make_record(int loc, int argc, esk_val *argv) {
    esk_record *r = esk_alloc_obj(ESK_T_RECORD, (uint32_t)(argc - 1), sizeof(esk_record) + (size_t)(argc - 1) * sizeof(esk_val));
    int i;
    (void)loc;
    r->h.type = ESK_T_RECORD;
    r->h.size = (uint32_t)(argc - 1);
    r->type = argv[0];
    for (i = 1; i < argc; ++i) r->fields[i - 1] = argv[i];
    return ESK_FROM_HEAP(r);
}

esk_val esk_record_p(int loc, esk_val obj, esk_val type) {
    (void)loc;
    obj = esk_see_through(obj);
    return ESK_BOOL(ESK_HAS_TYPE(obj, ESK_T_RECORD) && ESK_RECORD(obj)->type == type);
}

static esk_record *esk_rec_check(int loc, esk_val obj, esk_val type, esk_val who) {
    if (ESK_UNLIKELY(ESK_REFUSE(obj, !ESK_HAS_TYPE(obj, ESK_T_RECORD) || ESK_RECORD(obj)->type != type))) {
        esk_val name = ((esk_record_type *)ESK_HEAP(type))->name;
        char what[256];
        snprintf(what, sizeof what, "a record of type %s", ESK_HAS_TYPE(name, ESK_T_SYMBOL) ? ESK_SYMBOL(name)->name : "?");
        esk_type_error(loc, ESK_HAS_TYPE(who, ESK_T_SYMBOL) ? ESK_SYMBOL(who)->name : "record accessor", what, obj);
    }
    return ESK_RECORD(obj);
}

/* (%record-ref obj type index 'accessor-name) */
esk_val esk_record_ref(int loc, esk_val obj, esk_val type, esk_val index, esk_val who) {
    return esk_rec_check(loc, obj, type, who)->fields[ESK_FIXVAL(index)];
}

esk_val esk_record_set(int loc, esk_val obj, esk_val type, esk_val index, esk_val value, esk_val who) {
    esk_record *r = esk_rec_check(loc, obj, type, who);
    ESK_STORE(r, &r->fields[ESK_FIXVAL(index)], value);
    return ESK_UNSPECIFIED;
}

/* ---- promises ------------------------------------------------------------- */
static esk_val esk_rec_promise(esk_val done, esk_val value) {
    esk_promise *p = esk_alloc_obj(ESK_T_PROMISE, 0, sizeof(esk_promise));
    p->h.type = ESK_T_PROMISE;
    p->h.size = 0;
    esk_val state = esk_cons(done, value);
    ESK_GC_STORE(p, &p->state, state);  /* p may have aged in the cons */
    return ESK_FROM_HEAP(p);
}

/* (delay-force expr) is (%make-lazy (lambda () expr)); (delay expr) is
 * (%make-lazy (lambda () (make-promise expr))). */
esk_val esk_make_lazy(int loc, esk_val thunk) {
    (void)loc;
    return esk_rec_promise(ESK_FALSE, thunk);
}

esk_val esk_make_promise(int loc, esk_val v) {
    (void)loc;
    return ESK_HAS_TYPE(v, ESK_T_PROMISE) ? v : esk_rec_promise(ESK_TRUE, v);
}

esk_val esk_promise_p(int loc, esk_val v) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(v, ESK_T_PROMISE));
}

#define ESK_REC_PROMISE(v) ((esk_promise *)ESK_HEAP(v))

/* R7RS's iterative force: a promise whose thunk returned another promise
 * takes over that promise's state. */
esk_val esk_force(int loc, esk_val p) {
    if (!ESK_HAS_TYPE(p, ESK_T_PROMISE)) return p;
    for (;;) {
        esk_val state = ESK_REC_PROMISE(p)->state, next;
        if (ESK_CAR(state) == ESK_TRUE) return ESK_CDR(state);
        next = esk_call0(loc, ESK_CDR(state));
        if (ESK_UNLIKELY(ESK_REFUSE(next, !ESK_HAS_TYPE(next, ESK_T_PROMISE)))) esk_type_error(loc, "force", "a promise from delay-force", next);
        state = ESK_REC_PROMISE(p)->state;
        if (ESK_CAR(state) != ESK_TRUE) {
            esk_val other = ESK_REC_PROMISE(next)->state;
            esk_pair *cell = ESK_PAIR(state);
            esk_promise *taker = ESK_REC_PROMISE(next);
            ESK_STORE(cell, &cell->car, ESK_CAR(other));
            ESK_STORE(cell, &cell->cdr, ESK_CDR(other));
            ESK_STORE(taker, &taker->state, state);
        }
    }
}

#undef ESK_REC_PROMISE
