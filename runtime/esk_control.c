/* esk_control.c - procedures and calls: closures, the trampoline, apply, values, call/cc, dynamic-wind, guard. */
#include "eshkol.h"

#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* ---- closures ------------------------------------------------------------ */
esk_val esk_make_closure(esk_code code, int arity, int variadic, const char *name, int nslots) {
    esk_closure *c = esk_alloc_obj(ESK_T_CLOSURE, (uint32_t)nslots, sizeof(esk_closure) + (size_t)nslots * sizeof(esk_val));
    int i;
    c->h.type = ESK_T_CLOSURE;
    c->h.size = (uint32_t)nslots;
    c->code = code;
    c->arity = arity;
    c->variadic = variadic;
    c->name = name;
    for (i = 0; i < nslots; ++i) c->slots[i] = ESK_UNSPECIFIED;
    return ESK_FROM_HEAP(c);
}

/* ---- the trampoline ------------------------------------------------------ */
#define ESK_CTL_INITIAL_ROOM 256
static esk_val esk_ctl_tc_buffer[ESK_CTL_INITIAL_ROOM];
esk_val esk_tc_proc;
int esk_call_loc;
int esk_tc_argc;
int esk_tc_loc;
esk_val *esk_tc_argv = esk_ctl_tc_buffer;
int esk_tc_room = ESK_CTL_INITIAL_ROOM;

static esk_val *esk_ctl_old[64];
static int esk_ctl_old_count;

void esk_tc_grow(int argc) {
    esk_val *bigger;
    if (argc <= esk_tc_room) return;
    /* malloc, not a region: the registers outlive every region. The old
     * buffer may still be some procedure's argv: kept until exit. */
    bigger = malloc((size_t)argc * 2 * sizeof(esk_val));
    if (!bigger || esk_ctl_old_count == sizeof esk_ctl_old / sizeof *esk_ctl_old)
        esk_error(0, "out of memory", ESK_UNSPECIFIED);
    if (esk_tc_argv != esk_ctl_tc_buffer) {
        esk_ctl_old[esk_ctl_old_count++] = esk_tc_argv;
#ifndef ESK_NO_GC
        esk_gc_add_root_range(esk_tc_argv, (size_t)esk_tc_room * sizeof(esk_val));  /* still someone's argv */
#endif
    }
    esk_tc_argv = bigger;
    esk_tc_room = argc * 2;
}

esk_val esk_trampoline(esk_val r) {
    while (r == ESK_TAIL_CALL) {
        esk_val f = esk_tc_proc;
        esk_closure *c = esk_check_call(esk_tc_loc, &f, esk_tc_argc);
        r = c->code(f, esk_tc_argc, esk_tc_argv);
    }
    return r;
}

esk_val esk_apply_proc(int loc, esk_val f, int argc, esk_val *argv) {
    return esk_trampoline(esk_call(loc, f, argc, argv));
}

esk_val esk_call0(int loc, esk_val f) { return esk_apply_proc(loc, f, 0, NULL); }

esk_val esk_call1(int loc, esk_val f, esk_val a) { return esk_apply_proc(loc, f, 1, &a); }

esk_val esk_call2(int loc, esk_val f, esk_val a, esk_val b) {
    esk_val argv[2];
    argv[0] = a;
    argv[1] = b;
    return esk_apply_proc(loc, f, 2, argv);
}

esk_val esk_rest_list(int argc, esk_val *argv, int from) {
    esk_val list = ESK_NIL;
    int i;
    for (i = argc - 1; i >= from; --i) list = esk_cons(argv[i], list);
    return list;
}

/* ---- apply ------------------------------------------------------------- */
/* The arguments of (apply f a ... list), spread into out (room for n). */
static int esk_ctl_spread(int loc, int argc, esk_val *argv, esk_val *out) {
    int n = 0, i;
    esk_val list;
    for (i = 1; i < argc - 1; ++i) out[n++] = argv[i];
    for (list = argv[argc - 1]; ESK_IS_PAIR(list); list = ESK_CDR(list)) out[n++] = ESK_CAR(list);
    (void)loc;
    return n;
}

static int esk_ctl_apply_count(int loc, int argc, esk_val *argv) {
    intptr_t n = argc - 2;
    esk_val list = argv[argc - 1] = esk_see_through(argv[argc - 1]);
    for (; ESK_IS_PAIR(list); list = ESK_CDR(list))
        if (++n > 100000000) esk_error(loc, "apply: argument list too long (or circular)", ESK_UNSPECIFIED);
    if (list != ESK_NIL) esk_type_error(loc, "apply", "a proper list as its last argument", argv[argc - 1]);
    return (int)n;
}

esk_val esk_apply(int loc, int argc, esk_val *argv) {
    int n = esk_ctl_apply_count(loc, argc, argv);
    esk_val small[16];
    esk_val *args = n <= 16 ? small : esk_alloc_raw((size_t)n * sizeof(esk_val));
    esk_ctl_spread(loc, argc, argv, args);
    return esk_apply_proc(loc, argv[0], n, args);
}

esk_val esk_apply_tail(int loc, int argc, esk_val *argv) {
    int n = esk_ctl_apply_count(loc, argc, argv);
    esk_tc_grow(n);
    esk_ctl_spread(loc, argc, argv, esk_tc_argv);
    return esk_tail_call(loc, argv[0], n);
}

/* ---- multiple values ---------------------------------------------------- */
esk_val esk_make_values(int n, const esk_val *items) {
    esk_values *v;
    if (n == 1) return items[0];
    v = esk_alloc_obj(ESK_T_VALUES, (uint32_t)n, sizeof(esk_values) + (size_t)n * sizeof(esk_val));
    v->h.type = ESK_T_VALUES;
    v->h.size = (uint32_t)n;
    if (n > 0) memcpy(v->items, items, (size_t)n * sizeof(esk_val));
    return ESK_FROM_HEAP(v);
}

esk_val esk_prim_values(int loc, int argc, esk_val *argv) {
    (void)loc;
    return esk_make_values(argc, argv);
}

esk_val esk_call_with_values(int loc, esk_val producer, esk_val consumer) {
    esk_val r = esk_call0(loc, producer);
    if (ESK_HAS_TYPE(r, ESK_T_VALUES)) {
        esk_values *v = (esk_values *)ESK_HEAP(r);
        return esk_apply_proc(loc, consumer, (int)v->h.size, v->items);
    }
    return esk_apply_proc(loc, consumer, 1, &r);
}

/* ---- escapes: call/cc and guard ------------------------------------------
 * A catch frame is a C frame that an escape can jump back to. Escaping runs
 * the dynamic-wind "after" thunks between here and there, restores the
 * handlers, and marks every continuation whose frame it leaves as dead:
 * continuations are escape-only (invoking a dead one is an error). */


typedef struct esk_ctl_catch {
    jmp_buf jump;
    struct esk_ctl_catch *prev;
    esk_val handlers, winders;
    esk_val value;
    esk_continuation *state; /* call/cc frames; NULL for guard */
    int loc;
    size_t shared_depth;     /* the owner stack's depth (esk_shared.c) */
} esk_ctl_catch;

static esk_ctl_catch *esk_ctl_catches;
esk_val esk_winders = ESK_NIL;

/* Runs "after" thunks until the wind list is target (a tail of it). */
static void esk_ctl_unwind_to(int loc, esk_val target, esk_val *in_flight) {
    while (esk_winders != target && ESK_IS_PAIR(esk_winders)) {
        esk_val entry = ESK_CAR(esk_winders);
        esk_winders = ESK_CDR(esk_winders);
        if (ESK_IS_FIXNUM(entry)) {
            /* a with-region: left here, the value in flight promoted */
            esk_val v = esk_region_leave((esk_region *)(uintptr_t)entry, in_flight ? *in_flight : ESK_UNSPECIFIED);
            if (in_flight) *in_flight = v;
        } else {
            esk_call0(loc, ESK_CDR(entry));
        }
    }
}

/* Shared values owned by the frames an escape leaves are released, except
 * what the escape carries: the values a continuation receives, the
 * condition (and chosen clause) a guard catches. */
static void esk_ctl_unwind_shared(esk_ctl_catch *frame, esk_val value) {
    esk_val carried[2];
    if (!frame->state) {
        carried[0] = ESK_CAR(value);
        carried[1] = ESK_CDR(value);
        esk_shared_unwind_hook(frame->shared_depth, 2, carried);
    } else {
        esk_shared_unwind_hook(frame->shared_depth, 1, &value);
    }
}

static _Noreturn void esk_ctl_escape(int loc, esk_ctl_catch *frame, esk_val value) {
    esk_ctl_catch *c;
    /* first, while their memory is certainly there: the continuations whose
     * extent ends here die */
    for (c = esk_ctl_catches; c && c != frame; c = c->prev)
        if (c->state) c->state->live = 0;
    esk_ctl_unwind_to(loc, frame->winders, &value);
    if (esk_shared_depth != frame->shared_depth) esk_ctl_unwind_shared(frame, value);
    esk_ctl_catches = frame;
    esk_handlers = frame->handlers;
    frame->value = value;
    longjmp(frame->jump, 1);
}

static void esk_ctl_push(esk_ctl_catch *frame, esk_continuation *state) {
    frame->prev = esk_ctl_catches;
    frame->handlers = esk_handlers;
    frame->winders = esk_winders;
    frame->value = ESK_UNSPECIFIED;
    frame->state = state;
    frame->loc = 0;
    frame->shared_depth = esk_shared_depth;
    esk_ctl_catches = frame;
}

static esk_val esk_ctl_continuation_code(esk_val self, int argc, esk_val *argv) {
    esk_continuation *state = (esk_continuation *)ESK_HEAP(ESK_CLOSURE(self)->slots[0]);
    if (!state->live)
        esk_error(0, "continuation called after its extent ended (eshkol continuations are escape-only)",
                  ESK_UNSPECIFIED);
    esk_ctl_escape(0, state->frame, esk_make_values(argc, argv));
}

/* Calls proc with k, or returns what k was called with. */
static esk_val esk_ctl_enter(int loc, esk_ctl_catch *frame, esk_val proc, esk_val k) {
    if (setjmp(frame->jump) != 0) return frame->value;
    return esk_call1(loc, proc, k);
}

esk_val esk_call_cc(int loc, esk_val proc) {
    esk_ctl_catch frame;
    esk_continuation *state = esk_alloc_obj(ESK_T_CONTINUATION, 0, sizeof(esk_continuation));
    esk_val k, result;
    esk_check_call(loc, &proc, 1);
    state->h.type = ESK_T_CONTINUATION;
    state->h.size = 0;
    state->frame = &frame;
    state->live = 1;
    k = esk_make_closure(esk_ctl_continuation_code, 0, 1, "continuation", 1);
    ESK_CLOSURE(k)->slots[0] = ESK_FROM_HEAP(state);
    esk_ctl_push(&frame, state);
    result = esk_ctl_enter(loc, &frame, proc, k);
    state->live = 0;
    esk_ctl_catches = frame.prev;
    return result;
}

/* The handler a guard installs, called by raise in the raise's dynamic
 * environment: it asks the guard's selector which clause applies; with one,
 * it escapes to the guard with (condition . choice); with none, it raises
 * again with raise-continuable right here, as R7RS says. */
static esk_val esk_ctl_guard_handler(esk_val self, int argc, esk_val *argv) {
    esk_ctl_catch *frame = (esk_ctl_catch *)(uintptr_t)ESK_CLOSURE(self)->slots[0];
    esk_val choice = esk_call1(frame->loc, ESK_CLOSURE(self)->slots[1], argv[0]);
    (void)argc;
    if (choice == ESK_FALSE) return esk_raise_continuable(frame->loc, argv[0]);
    esk_ctl_escape(frame->loc, frame, esk_cons(argv[0], choice));
}

static esk_val esk_ctl_guard_body(int loc, esk_ctl_catch *frame, esk_val body, int *escaped) {
    if (setjmp(frame->jump) != 0) {
        *escaped = 1;
        return frame->value;
    }
    return esk_call0(loc, body);
}

/* (%guard body select run): see the expansion of guard in the compiler. */
esk_val esk_guard(int loc, esk_val body, esk_val select, esk_val run) {
    esk_ctl_catch frame;
    esk_val h, result;
    int escaped = 0;
    esk_ctl_push(&frame, NULL);
    frame.loc = loc;
    h = esk_make_closure(esk_ctl_guard_handler, 1, 0, "guard", 2);
    /* The frame's address is 8-byte aligned, so as a word it reads as a fixnum. */
    ESK_CLOSURE(h)->slots[0] = (esk_val)(uintptr_t)&frame;
    ESK_CLOSURE(h)->slots[1] = select;
    esk_handlers = esk_cons(h, esk_handlers);
    result = esk_ctl_guard_body(loc, &frame, body, &escaped);
    esk_ctl_catches = frame.prev;
    esk_handlers = frame.handlers;
    if (escaped) return esk_call2(loc, run, ESK_CAR(result), ESK_CDR(result));
    return result;
}

/* ---- dynamic-wind and exit ------------------------------------------------ */
esk_val esk_dynamic_wind(int loc, esk_val before, esk_val thunk, esk_val after) {
    esk_val result;
    esk_check_call(loc, &before, 0);
    esk_check_call(loc, &thunk, 0);
    esk_check_call(loc, &after, 0);
    esk_call0(loc, before);
    esk_winders = esk_cons(esk_cons(before, after), esk_winders);
    result = esk_call0(loc, thunk);
    esk_winders = ESK_CDR(esk_winders);
    esk_call0(loc, after);
    return result;
}

/* ---- regions ------------------------------------------------------------------ */
/* (%with-region name size-hint thunk): see the expansion of with-region. The
 * region sits in the wind list as its address (8-byte aligned, so it reads
 * as a fixnum), so escapes leave it too. */
esk_val esk_with_region(int loc, esk_val name, esk_val size_hint, esk_val thunk) {
    esk_region *r;
    esk_val result;
    esk_pair entry; /* the wind list's cell: on the C stack, popped before return */
    size_t hint = 0;
    const char *cname = NULL;
    esk_check_call(loc, &thunk, 0);
    if (name != ESK_FALSE) {
        if (ESK_UNLIKELY(ESK_REFUSE(name, !ESK_HAS_TYPE(name, ESK_T_SYMBOL)))) esk_type_error(loc, "with-region", "a symbol as the region's name", name);
        cname = ESK_SYMBOL(name)->name;
    }
    if (size_hint != ESK_FALSE) {
        if (ESK_UNLIKELY(ESK_REFUSE(size_hint, !ESK_IS_FIXNUM(size_hint) || ESK_FIXVAL(size_hint) < 0)))
            esk_type_error(loc, "with-region", "a non-negative exact integer size hint", size_hint);
        hint = (size_t)ESK_FIXVAL(size_hint);
    }
    r = esk_region_enter(cname, hint);
    entry.car = (esk_val)(uintptr_t)r;
    entry.cdr = esk_winders;
    esk_winders = ESK_FROM_PAIR(&entry);
    result = esk_call0(loc, thunk);
    esk_winders = entry.cdr;
    return esk_region_leave(r, result);
}

/* ---- the interactive session's forms (eshkolc --repl) ---------------------- */
/* The session's last resort: an error nobody else handles is printed and
 * the form is abandoned, as by an escape to esk_repl_run's frame, which
 * unwinds its dynamic-winds and leaves its region. */
static esk_val esk_ctl_repl_handler(esk_val self, int argc, esk_val *argv) {
    esk_ctl_catch *frame = (esk_ctl_catch *)(uintptr_t)ESK_CLOSURE(self)->slots[0];
    (void)argc;
    esk_report_error(0, argv[0]);
    esk_ctl_escape(0, frame, esk_cons(ESK_FALSE, ESK_FALSE));
}

static void esk_ctl_repl_print(esk_val v) {
    esk_port *out = esk_port_stdio(1);
    if (v == ESK_UNSPECIFIED || v == ESK_UNDEFINED) return;
    esk_write_to(out, v);
    esk_port_putc(out, '\n');
}

static int esk_ctl_repl_body(esk_ctl_catch *frame, void (*body)(void)) {
    if (setjmp(frame->jump) != 0) return 0;
    body();
    return 1;
}

int esk_repl_run(void (*body)(void), esk_val *value) {
    esk_ctl_catch frame;
    esk_region *r;
    esk_pair entry; /* the region's cell of the wind list, as in esk_with_region */
    esk_val h, v;
    int done;
    *value = ESK_UNSPECIFIED;
    esk_handlers = ESK_NIL;
    esk_winders = ESK_NIL;
    esk_ctl_push(&frame, NULL);
    h = esk_make_closure(esk_ctl_repl_handler, 1, 0, "repl", 1);
    ESK_CLOSURE(h)->slots[0] = (esk_val)(uintptr_t)&frame;
    esk_handlers = esk_cons(h, ESK_NIL);
    r = esk_region_enter("repl", 0);
    entry.car = (esk_val)(uintptr_t)r;
    entry.cdr = esk_winders;
    esk_winders = ESK_FROM_PAIR(&entry);
    done = esk_ctl_repl_body(&frame, body);
    if (done) { /* an error's escape has left the region already */
        esk_winders = entry.cdr;
        esk_region_leave(r, ESK_UNSPECIFIED);
    }
    esk_ctl_catches = frame.prev;
    esk_handlers = ESK_NIL;
    esk_winders = ESK_NIL;
    /* The form's value: promoted out of the region by the store check, as
     * any global's; printed, then let go. */
    v = *value;
    *value = ESK_UNSPECIFIED;
    if (done && ESK_HAS_TYPE(v, ESK_T_VALUES)) {
        esk_values *vs = (esk_values *)ESK_HEAP(v);
        uint32_t i;
        for (i = 0; i < vs->h.size; ++i) esk_ctl_repl_print(vs->items[i]);
    } else if (done) {
        esk_ctl_repl_print(v);
    }
    esk_port_flush(esk_port_stdio(1));
    fflush(stdout);
    return done;
}

static int esk_ctl_exit_status(int loc, esk_val code) {
    if (code == ESK_DEFAULT || code == ESK_TRUE) return 0;
    if (code == ESK_FALSE) return 1;
    if (ESK_IS_FIXNUM(code)) return (int)(ESK_FIXVAL(code) & 0xFF);
    esk_type_error(loc, "exit", "an integer or a boolean", code);
}

/* (exit [code]): runs the outstanding dynamic-wind "after" thunks first. */
void (*esk_at_exit_release)(void);

esk_val esk_prim_exit(int loc, esk_val code) {
    int status = esk_ctl_exit_status(loc, code);
    esk_ctl_unwind_to(loc, ESK_NIL, NULL);
    if (esk_at_exit_release) esk_at_exit_release();
    esk_exit(status);
}

esk_val esk_emergency_exit(int loc, esk_val code) { esk_exit(esk_ctl_exit_status(loc, code)); }

esk_val esk_procedure_p(int loc, esk_val v) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(v, ESK_T_CLOSURE));
}

#undef ESK_CTL_INITIAL_ROOM

/* ---- parameters ------------------------------------------------------------- */
/* A parameter is a closure: slot 0 its value, slot 1 its converter (or #f). */
static esk_val esk_ctl_param_code(esk_val self, int argc, esk_val *argv) {
    (void)argc;
    (void)argv;
    return ESK_CLOSURE(self)->slots[0];
}

esk_val esk_make_parameter(int loc, esk_val value, esk_val converter) {
    esk_val p = esk_make_closure(esk_ctl_param_code, 0, 0, "parameter", 2);
    if (converter == ESK_DEFAULT) converter = ESK_FALSE;
    if (converter != ESK_FALSE) value = esk_call1(loc, converter, value);
    /* the converter ran since p was made: p may be old by now */
    ESK_GC_STORE(ESK_CLOSURE(p), &ESK_CLOSURE(p)->slots[0], value);
    if (esk_shared_note_hook && ESK_IS_SHARED(value)) esk_shared_note_hook(p, value);  /* the parameter holds it */
    ESK_GC_STORE(ESK_CLOSURE(p), &ESK_CLOSURE(p)->slots[1], converter);
    return p;
}

/* Exchanges each parameter's value with the matching cell of a list: run
 * once to enter a parameterize, once more to leave it. */
static esk_val esk_ctl_param_swap(esk_val self, int argc, esk_val *argv) {
    esk_val params = ESK_CLOSURE(self)->slots[0], cells = ESK_CLOSURE(self)->slots[1];
    (void)argc;
    (void)argv;
    for (; ESK_IS_PAIR(params); params = ESK_CDR(params), cells = ESK_CDR(cells)) {
        esk_closure *p = ESK_CLOSURE(ESK_CAR(params));
        esk_val old = p->slots[0];
        ESK_GC_STORE(p, &p->slots[0], ESK_CAR(cells));
        ESK_GC_STORE(ESK_PAIR(cells), &ESK_CAR(cells), old);
    }
    return ESK_UNSPECIFIED;
}

/* (parameterize ((p v) ...) body ...) is (%parameterize (list p ...) (list v ...) thunk). */
esk_val esk_parameterize(int loc, esk_val params, esk_val values, esk_val thunk) {
    esk_val cells = ESK_NIL, tail = ESK_NIL, p, v, swap;
    for (p = params, v = values; ESK_IS_PAIR(p); p = ESK_CDR(p), v = ESK_CDR(v)) {
        esk_val param = ESK_CAR(p), value = ESK_CAR(v), cell;
        if (ESK_UNLIKELY(ESK_REFUSE(param, !ESK_HAS_TYPE(param, ESK_T_CLOSURE) || ESK_CLOSURE(param)->code != esk_ctl_param_code)))
            esk_type_error(loc, "parameterize", "a parameter object", param);
        if (ESK_CLOSURE(param)->slots[1] != ESK_FALSE) value = esk_call1(loc, ESK_CLOSURE(param)->slots[1], value);
        cell = esk_cons(value, ESK_NIL);
        if (esk_shared_note_hook && ESK_IS_SHARED(value)) esk_shared_note_hook(cell, value);
        if (tail == ESK_NIL) cells = cell;
        else ESK_GC_STORE(ESK_PAIR(tail), &ESK_CDR(tail), cell);  /* the converter ran since tail was made */
        tail = cell;
    }
    swap = esk_make_closure(esk_ctl_param_swap, 0, 0, "parameterize", 2);
    ESK_CLOSURE(swap)->slots[0] = params;
    ESK_CLOSURE(swap)->slots[1] = cells;
    return esk_dynamic_wind(loc, swap, thunk, swap);
}
