/* esk_owned.c - owned (linear) values: the cell that says whether a value was consumed.
 *
 * (owned expr) makes an esk_owned cell around the value. The compiler's
 * ownership check (compiler/ownership.cpp) proves that a variable holding
 * one is consumed exactly once on every path; where a built-in borrows such
 * a variable, the compiler unwraps it with esk_owned_ref (eshkol.h). The
 * cell is what catches what the check cannot see: a cell stored in a data
 * structure and consumed through it twice, a closure borrowing a value that
 * is called after the value was consumed. Using a consumed cell is the
 * error "use of consumed value", never undefined behaviour.
 *
 * Consuming a cell marks it and releases what it holds: an owned port is
 * closed (close insists on a port). A built-in that consumes an owned
 * variable itself, such as close-port, gets the value with the cell marked
 * (esk_owned_take) and releases it its own way. A with-resource form consumes its
 * cell when its body exits, normally or by an escape (raise caught outside,
 * a continuation): the release runs as a dynamic-wind "after" thunk.
 */
#include "eshkol.h"

#include <stdio.h>

static esk_owned *esk_own_cell(int loc, const char *who, esk_val v) {
    if (!ESK_HAS_TYPE(v, ESK_T_OWNED)) esk_type_error(loc, who, "an owned value", v);
    return (esk_owned *)ESK_HEAP(v);
}

_Noreturn esk_val esk_owned_dead(int loc, esk_val cell) {
    const esk_owned *o = (const esk_owned *)ESK_HEAP(cell);
    char message[512];
    if (o->consumed_loc > 0)
        snprintf(message, sizeof message, "use of consumed value (consumed at %s:%d:%d)", esk_locs[o->consumed_loc].file,
                 esk_locs[o->consumed_loc].line, esk_locs[o->consumed_loc].col);
    else
        snprintf(message, sizeof message, "use of consumed value");
    esk_raise_error(loc, message, ESK_NIL);
}

/* Marks a live cell consumed (at loc) and returns what it held. */
static esk_val esk_own_finish(int loc, esk_owned *o) {
    if (o->consumed) esk_owned_dead(loc, ESK_FROM_HEAP(o));
    o->consumed = 1;
    o->consumed_loc = loc;
    return o->value;
}

/* Consumes a live cell and releases what it holds: an owned port is closed.
 * (Ports are their own module: with it, eshkol.h defines ESK_IS_PORT.) */
static void esk_own_release(int loc, esk_owned *o) {
    esk_val v = esk_own_finish(loc, o);
#ifdef ESK_IS_PORT
    if (ESK_IS_PORT(v)) {
        esk_val esk_close_port(int, esk_val);
        esk_close_port(loc, v);
    }
#else
    (void)v;
#endif
}

/* (owned v): a new cell; a live cell is owned already and is returned. */
esk_val esk_owned_make(int loc, esk_val v) {
    esk_owned *o;
    if (ESK_HAS_TYPE(v, ESK_T_OWNED)) {
        if (((esk_owned *)ESK_HEAP(v))->consumed) esk_owned_dead(loc, v);
        return v;
    }
    o = esk_alloc_obj(ESK_T_OWNED, 0, sizeof(esk_owned));
    o->h.type = ESK_T_OWNED;
    o->h.size = 0;
    o->value = v;
    o->consumed = 0;
    o->consumed_loc = 0;
    return ESK_FROM_HEAP(o);
}

/* (move x): the same cell, which must be live. */
esk_val esk_owned_move(int loc, esk_val v) {
    if (esk_own_cell(loc, "move", v)->consumed) esk_owned_dead(loc, v);
    return v;
}

/* (consume x) */
esk_val esk_owned_consume(int loc, esk_val v) {
    esk_own_release(loc, esk_own_cell(loc, "consume", v));
    return ESK_UNSPECIFIED;
}

/* (close x): consumes an owned port. */
esk_val esk_owned_close(int loc, esk_val v) {
    esk_owned *o = esk_own_cell(loc, "close", v);
    if (o->consumed) esk_owned_dead(loc, v);
#ifdef ESK_IS_PORT
    if (!ESK_IS_PORT(o->value)) esk_type_error(loc, "close", "an owned port", o->value);
#endif
    esk_own_release(loc, o);
    return ESK_UNSPECIFIED;
}

/* (%borrow x), what (borrow x body ...) binds x to in body: the value in
 * the cell, which must be live; any other value as it is. */
esk_val esk_owned_borrow(int loc, esk_val v) { return esk_owned_ref(loc, v); }

esk_val esk_owned_take(int loc, esk_val v) {
    if (!ESK_HAS_TYPE(v, ESK_T_OWNED)) return v;
    return esk_own_finish(loc, (esk_owned *)ESK_HEAP(v));
}

/* The "after" thunk of a with-resource: consumes the cell in slot 0 unless
 * something the checker could not see consumed it already. */
static esk_val esk_own_release_code(esk_val self, int argc, esk_val *argv) {
    esk_owned *o = (esk_owned *)ESK_HEAP(ESK_CLOSURE(self)->slots[0]);
    (void)argc;
    (void)argv;
    if (!o->consumed) esk_own_release((int)ESK_FIXVAL(ESK_CLOSURE(self)->slots[1]), o);
    return ESK_UNSPECIFIED;
}

/* (%with-resource thunk cell): (with-resource (name expr) body ...) is
 * (let ((name (owned expr))) (%with-resource (lambda () body ...) name)).
 * The cell is consumed when the body returns or when an escape leaves it. */
esk_val esk_with_resource(int loc, esk_val thunk, esk_val cell) {
    esk_val release, result;
    esk_check_call(loc, &thunk, 0);
    if (esk_own_cell(loc, "with-resource", cell)->consumed) esk_owned_dead(loc, cell);
    release = esk_make_closure(esk_own_release_code, 0, 0, "with-resource", 2);
    ESK_CLOSURE(release)->slots[0] = cell;
    ESK_CLOSURE(release)->slots[1] = ESK_FIX(loc);
    esk_winders = esk_cons(esk_cons(ESK_FALSE, release), esk_winders);
    result = esk_call0(loc, thunk);
    esk_winders = ESK_CDR(esk_winders);
    esk_own_release_code(release, 0, NULL);
    return result;
}
