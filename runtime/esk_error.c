/* esk_error.c - conditions, raise and handlers, and the run-time errors built-ins signal. */
#include "eshkol.h"

#include <stdarg.h>
#include <string.h>

esk_val esk_handlers = ESK_NIL; /* the current exception handlers, innermost first */
static const esk_loc esk_err_no_locs[] = {{"", 0, 0}};
const esk_loc *esk_locs = esk_err_no_locs;

/* A Scheme string from UTF-8 text (messages may quote procedure names). */
static esk_val esk_err_string(const char *utf8) { return esk_string_from_utf8(utf8, strlen(utf8)); }

esk_val esk_make_condition(int kind, int loc, esk_val message, esk_val irritants) {
    esk_condition *c = esk_alloc_obj(ESK_T_CONDITION, 0, sizeof(esk_condition));
    c->h.type = ESK_T_CONDITION;
    c->h.size = 0;
    c->kind = kind;
    c->loc = loc;
    c->message = message;
    c->irritants = irritants;
    return ESK_FROM_HEAP(c);
}

/* ---- uncaught: "Error: message irritant ..." and "  at FILE:LINE:COL" -- */
void (*esk_uncaught_hook)(const char *message);

/* The message and irritants of what was raised; returns the location. */
static int esk_err_describe(esk_port *out, int loc, esk_val obj) {
    if (ESK_HAS_TYPE(obj, ESK_T_CONDITION)) {
        esk_condition *c = (esk_condition *)ESK_HEAP(obj);
        esk_val irritants;
        esk_display_to(out, c->message);
        for (irritants = c->irritants; ESK_IS_PAIR(irritants); irritants = ESK_CDR(irritants)) {
            esk_port_putc(out, ' ');
            esk_write_to(out, ESK_CAR(irritants));
        }
        if (c->loc > 0) loc = c->loc;
    } else {
        esk_port_puts(out, "uncaught exception: ");
        esk_write_to(out, obj);
    }
    return loc;
}

static _Noreturn void esk_err_uncaught(int loc, esk_val obj) {
    if (esk_uncaught_hook) { /* the C side may take it: "message (at FILE:LINE:COL)" */
        esk_val port = esk_port_open_memory_output(0);
        esk_port *text = (esk_port *)ESK_HEAP(port);
        int at = esk_err_describe(text, loc, obj);
        char where[64];
        if (at > 0) {
            esk_port_puts(text, " (at ");
            esk_port_puts(text, esk_locs[at].file);
            snprintf(where, sizeof where, ":%d:%d)", esk_locs[at].line, esk_locs[at].col);
            esk_port_puts(text, where);
        }
        esk_uncaught_hook(esk_string_to_utf8_cstr(esk_get_output_string(0, port), NULL));
    }
    esk_report_error(loc, obj);
    esk_exit(1);
}

/* "Error: message irritant ..." and "  at FILE:LINE:COL" on stderr, after
 * what the program printed. */
void esk_report_error(int loc, esk_val obj) {
    esk_port *err = esk_port_stdio(2);
    fflush(stdout);
    esk_port_flush(esk_port_stdio(1));
    esk_port_puts(err, "Error: ");
    loc = esk_err_describe(err, loc, obj);
    esk_port_putc(err, '\n');
    esk_port_flush(err);
    if (loc > 0) fprintf(stderr, "  at %s:%d:%d\n", esk_locs[loc].file, esk_locs[loc].line, esk_locs[loc].col);
}

/* ---- raise ------------------------------------------------------------ */
_Noreturn void esk_raise(int loc, esk_val obj) {
    for (;;) {
        esk_val handler;
        if (esk_handlers == ESK_NIL) esk_err_uncaught(loc, obj);
        handler = ESK_CAR(esk_handlers);
        esk_handlers = ESK_CDR(esk_handlers); /* the handler runs with the outer handlers */
        esk_call1(loc, handler, obj);
        /* A handler returned from a non-continuable raise: a secondary error
         * in the handler's dynamic environment. */
        obj = esk_make_condition(ESK_COND_ERROR, loc, esk_err_string("handler returned from non-continuable raise of"),
                                 esk_cons(obj, ESK_NIL));
    }
}

esk_val esk_raise_continuable(int loc, esk_val obj) {
    esk_val saved = esk_handlers, handler, result;
    if (esk_handlers == ESK_NIL) esk_err_uncaught(loc, obj);
    handler = ESK_CAR(esk_handlers);
    esk_handlers = ESK_CDR(esk_handlers);
    result = esk_call1(loc, handler, obj);
    esk_handlers = saved;
    return result;
}

_Noreturn void esk_raise_error(int loc, const char *message, esk_val irritants) {
    esk_raise(loc, esk_make_condition(ESK_COND_ERROR, loc, esk_err_string(message), irritants));
}

_Noreturn void esk_error(int loc, const char *message, esk_val irritant) {
    esk_raise_error(loc, message, irritant == ESK_UNSPECIFIED ? ESK_NIL : esk_cons(irritant, ESK_NIL));
}

_Noreturn void esk_type_error(int loc, const char *who, const char *expected, esk_val got) {
    char message[256];
    snprintf(message, sizeof message, "%s: expected %s, got", who, expected);
    esk_raise_error(loc, message, esk_cons(got, ESK_NIL));
}

_Noreturn void esk_range_error(int loc, const char *who, esk_val index, esk_val object) {
    char message[256];
    (void)object;
    snprintf(message, sizeof message, "%s: index out of range:", who);
    esk_raise_error(loc, message, esk_cons(index, ESK_NIL));
}

esk_val esk_procedure_of(int loc, esk_val f) {
    esk_val c = esk_shared_contents(f);
    if (!ESK_HAS_TYPE(c, ESK_T_CLOSURE)) esk_type_error(loc, "application", "a procedure", f);
    return c;
}

_Noreturn void esk_arity_error(int loc, esk_val proc, int given) {
    esk_closure *c = ESK_CLOSURE(proc);
    char message[512];
    snprintf(message, sizeof message, "%s: expected %s%d argument%s, got %d", c->name ? c->name : "anonymous procedure",
             c->variadic ? "at least " : "", (int)c->arity, c->arity == 1 ? "" : "s", given);
    esk_raise_error(loc, message, ESK_NIL);
}

_Noreturn esk_val esk_undefined_global(int loc, const char *name) {
    char message[512];
    snprintf(message, sizeof message, "variable %s used before its definition", name);
    esk_raise_error(loc, message, ESK_NIL);
}

/* ---- built-ins: error, raise, handlers, error objects ------------------- */
esk_val esk_prim_error(int loc, int argc, esk_val *argv) {
    esk_val irritants = esk_rest_list(argc, argv, 1);
    esk_raise(loc, esk_make_condition(ESK_COND_ERROR, loc, argv[0], irritants));
}

esk_val esk_prim_raise(int loc, esk_val obj) { esk_raise(loc, obj); }

esk_val esk_prim_raise_continuable(int loc, esk_val obj) { return esk_raise_continuable(loc, obj); }

esk_val esk_with_exception_handler(int loc, esk_val handler, esk_val thunk) {
    esk_val saved = esk_handlers, result;
    esk_check_call(loc, &handler, 1);
    esk_check_call(loc, &thunk, 0);
    esk_handlers = esk_cons(handler, esk_handlers);
    result = esk_call0(loc, thunk);
    esk_handlers = saved;
    return result;
}

static esk_condition *esk_err_condition(int loc, const char *who, esk_val v) {
    if (ESK_UNLIKELY(ESK_REFUSE(v, !ESK_HAS_TYPE(v, ESK_T_CONDITION)))) esk_type_error(loc, who, "an error object", v);
    return (esk_condition *)ESK_HEAP(v);
}

esk_val esk_error_object_p(int loc, esk_val v) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(v, ESK_T_CONDITION));
}

esk_val esk_error_object_message(int loc, esk_val v) { return esk_err_condition(loc, "error-object-message", v)->message; }

esk_val esk_error_object_irritants(int loc, esk_val v) {
    return esk_err_condition(loc, "error-object-irritants", v)->irritants;
}

esk_val esk_file_error_p(int loc, esk_val v) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(v, ESK_T_CONDITION) && ((esk_condition *)ESK_HEAP(v))->kind == ESK_COND_FILE);
}

esk_val esk_read_error_p(int loc, esk_val v) {
    (void)loc;
    return ESK_BOOL(ESK_HAS_TYPE(v, ESK_T_CONDITION) && ((esk_condition *)ESK_HEAP(v))->kind == ESK_COND_READ);
}
