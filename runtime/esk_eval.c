/* esk_eval.c - eval and environments (R7RS 6.12): an interpreter of Scheme data in the runtime. */
#include "eshkol.h"

#include <string.h>

/* A program that names eval carries a table of every standard binding
 * (the built-ins as values, the library's procedures) and of its own
 * globals, registered at start-up (the compiler writes it: see
 * Emitter::eval_table). eval interprets the datum it is given: special
 * forms here, procedures -- built-in, compiled or interpreted -- called as
 * any call does. An interpreted lambda is a closure over esk_ev_code, so
 * compiled code calls it like any other procedure. Tail calls between
 * interpreted procedures run in constant C stack. */

static const esk_eval_binding *esk_ev_table;
static size_t esk_ev_count;
/* In eshkolc --repl, the session's globals are cells found by name. */
esk_val *(*esk_eval_session_global)(const char *name);

void esk_eval_register(const esk_eval_binding *table, size_t count) {
    esk_ev_table = table;
    esk_ev_count = count;
}

/* ---- the special forms' names ---------------------------------------------- */
enum {
    ESK_EV_QUOTE, ESK_EV_QUASIQUOTE, ESK_EV_UNQUOTE, ESK_EV_UNQUOTE_SPLICING, ESK_EV_IF, ESK_EV_DEFINE,
    ESK_EV_SET, ESK_EV_LAMBDA, ESK_EV_BEGIN, ESK_EV_LET, ESK_EV_LET_STAR, ESK_EV_LETREC, ESK_EV_LETREC_STAR,
    ESK_EV_COND, ESK_EV_CASE, ESK_EV_AND, ESK_EV_OR, ESK_EV_WHEN, ESK_EV_UNLESS, ESK_EV_DO, ESK_EV_ELSE,
    ESK_EV_ARROW, ESK_EV_DELAY_FORCE, ESK_EV_DELAY, ESK_EV_GUARD, ESK_EV_PARAMETERIZE, ESK_EV_LET_VALUES,
    ESK_EV_LET_STAR_VALUES, ESK_EV_DEFINE_VALUES, ESK_EV_CASE_LAMBDA, ESK_EV_DEFINE_RECORD_TYPE, ESK_EV_FORMS
};
static const char *const esk_ev_names[] = {
    "quote", "quasiquote", "unquote", "unquote-splicing", "if", "define", "set!", "lambda", "begin", "let",
    "let*", "letrec", "letrec*", "cond", "case", "and", "or", "when", "unless", "do", "else", "=>", "delay-force",
    "delay", "guard", "parameterize", "let-values", "let*-values", "define-values", "case-lambda", "define-record-type",
};
/* Written in compiled code, not yet here: a clear error names them. */
static const char *const esk_ev_unsupported[] = {
    "define-syntax", "let-syntax", "letrec-syntax", "syntax-rules", "include", "include-ci", "import",
    "cond-expand", "with-region", "define-library", NULL,
};
static esk_val esk_ev_kw[ESK_EV_FORMS];

static void esk_ev_init(void) {
    int i;
    if (esk_ev_kw[0]) return;
    for (i = 0; i < ESK_EV_FORMS; ++i) esk_ev_kw[i] = esk_intern(esk_ev_names[i], strlen(esk_ev_names[i]));
}

static int esk_ev_keyword(esk_val sym) {
    int i;
    for (i = 0; i < ESK_EV_FORMS; ++i)
        if (esk_ev_kw[i] == sym) return i;
    return -1;
}

static _Noreturn void esk_ev_error(const char *message, esk_val irritant) { esk_error(0, message, irritant); }

/* ---- environments ------------------------------------------------------------ */
/* A record (kind frame): kind 0 syntax only (null-environment), 1 the
 * standard bindings, 2 those and the program's globals
 * (interaction-environment); frame: what eval defined there, an alist. */
static esk_val esk_ev_env_type = ESK_FALSE, esk_ev_interaction = ESK_FALSE;

static esk_val esk_ev_make_env(int kind) {
    esk_val fields[3];
    if (esk_ev_env_type == ESK_FALSE) {
#ifndef ESK_NO_GC
        static esk_val *const roots[] = {&esk_ev_env_type, &esk_ev_interaction};
        esk_gc_add_roots(roots, 2);
#endif
        ESK_STORE(NULL, &esk_ev_env_type,
                  esk_make_record_type(0, esk_intern("environment", 11),
                                       esk_cons(esk_intern("kind", 4), esk_cons(esk_intern("frame", 5), ESK_NIL))));
    }
    fields[0] = esk_ev_env_type;
    fields[1] = ESK_FIX(kind);
    fields[2] = ESK_NIL;
    return esk_make_record(0, 3, fields);
}

static esk_record *esk_ev_env(int loc, esk_val env) {
    if (esk_ev_env_type == ESK_FALSE || !ESK_HAS_TYPE(env, ESK_T_RECORD) || ESK_RECORD(env)->type != esk_ev_env_type)
        esk_type_error(loc, "eval", "an environment", env);
    return ESK_RECORD(env);
}

/* The table's slot of a name: the program's own (standard 0) or standard. */
static esk_val *esk_ev_table_slot(esk_val sym, int kind) {
    const char *name = ESK_SYMBOL(sym)->name;
    size_t i;
    if (kind == 2 && esk_eval_session_global) {
        esk_val *cell = esk_eval_session_global(name);
        if (cell && *cell != ESK_UNDEFINED) return cell;
    }
    for (i = 0; i < esk_ev_count; ++i)
        if ((esk_ev_table[i].standard ? kind >= 1 : kind == 2) && strcmp(esk_ev_table[i].name, name) == 0)
            return esk_ev_table[i].value;
    return NULL;
}

static esk_val esk_ev_frame_cell(esk_record *env, esk_val sym) {
    esk_val f;
    for (f = env->fields[1]; ESK_IS_PAIR(f); f = ESK_CDR(f))
        if (ESK_CAR(ESK_CAR(f)) == sym) return ESK_CAR(f);
    return ESK_FALSE;
}

static esk_val esk_ev_local_cell(esk_val env, esk_val sym) {
    for (; ESK_IS_PAIR(env); env = ESK_CDR(env))
        if (ESK_CAR(ESK_CAR(env)) == sym) return ESK_CAR(env);
    return ESK_FALSE;
}

static esk_val esk_ev_lookup(esk_val sym, esk_val env, esk_val genv) {
    esk_val cell = esk_ev_local_cell(env, sym), *slot;
    esk_record *g;
    if (cell != ESK_FALSE) {
        if (ESK_CDR(cell) == ESK_UNDEFINED) esk_ev_error("eval: variable used before its definition:", sym);
        return ESK_CDR(cell);
    }
    g = ESK_RECORD(genv);
    cell = esk_ev_frame_cell(g, sym);
    if (cell != ESK_FALSE) return ESK_CDR(cell);
    slot = esk_ev_table_slot(sym, (int)ESK_FIXVAL(g->fields[0]));
    if (!slot) esk_ev_error("eval: unbound variable:", sym);
    if (*slot == ESK_UNDEFINED) esk_ev_error("eval: variable used before its definition:", sym);
    return *slot;
}

static void esk_ev_set(esk_val sym, esk_val value, esk_val env, esk_val genv, int define) {
    esk_val cell = define ? ESK_FALSE : esk_ev_local_cell(env, sym), *slot;
    esk_record *g = ESK_RECORD(genv);
    int kind = (int)ESK_FIXVAL(g->fields[0]);
    if (cell == ESK_FALSE) cell = esk_ev_frame_cell(g, sym);
    if (cell != ESK_FALSE) {
        esk_set_cdr(0, cell, value);
        return;
    }
    slot = kind == 2 ? esk_ev_table_slot(sym, 2) : NULL;
    if (slot && esk_eval_session_global && slot == esk_eval_session_global(ESK_SYMBOL(sym)->name)) {
        ESK_STORE(NULL, slot, value); /* a session's global */
        return;
    }
    if (slot && (define || *slot != ESK_UNDEFINED)) { /* the program's global: the interaction environment has it */
        size_t i;
        for (i = 0; i < esk_ev_count; ++i)
            if (esk_ev_table[i].value == slot && !esk_ev_table[i].standard) {
                ESK_STORE(NULL, slot, value);
                return;
            }
    }
    if (!define) {
        if (esk_ev_table_slot(sym, kind)) esk_ev_error("set!: the environment's binding is immutable:", sym);
        esk_ev_error("set!: unbound variable:", sym);
    }
    ESK_STORE(g, &g->fields[1], esk_cons(esk_cons(sym, value), g->fields[1]));
}

/* ---- the interpreter ------------------------------------------------------------ */
static esk_val esk_ev(esk_val x, esk_val env, esk_val genv);
static esk_val esk_ev_code(esk_val self, int argc, esk_val *argv);

static int esk_ev_is(esk_val form, int keyword, esk_val env) {
    return ESK_IS_PAIR(form) && ESK_CAR(form) == esk_ev_kw[keyword] && esk_ev_local_cell(env, esk_ev_kw[keyword]) == ESK_FALSE;
}

static esk_val esk_ev_nth(esk_val form, int n, const char *what) {
    esk_val p = form;
    for (; n > 0 && ESK_IS_PAIR(p); --n) p = ESK_CDR(p);
    if (!ESK_IS_PAIR(p)) esk_ev_error(what, form);
    return ESK_CAR(p);
}

static esk_val esk_ev_lambda(esk_val params, esk_val body, esk_val env, esk_val genv, const char *name) {
    esk_val k;
    if (!ESK_IS_PAIR(body)) esk_ev_error("eval: lambda needs a body:", params);
    k = esk_make_closure(esk_ev_code, 0, 1, name ? name : "lambda", 4);
    ESK_CLOSURE(k)->slots[0] = params;
    ESK_CLOSURE(k)->slots[1] = body;
    ESK_CLOSURE(k)->slots[2] = env;
    ESK_CLOSURE(k)->slots[3] = genv;
    return k;
}

/* A procedure's parameters bound to its arguments, in front of env. */
static esk_val esk_ev_bind(esk_val self, esk_val params, int argc, esk_val *argv, esk_val env) {
    int i = 0;
    for (; ESK_IS_PAIR(params); params = ESK_CDR(params), ++i) {
        if (i >= argc) break;
        env = esk_cons(esk_cons(ESK_CAR(params), argv[i]), env);
    }
    if (ESK_IS_PAIR(params) || (params == ESK_NIL && i < argc)) {
        char message[160];
        esk_val p = ESK_CLOSURE(self)->slots[0];
        int n = 0;
        for (; ESK_IS_PAIR(p); p = ESK_CDR(p)) ++n;
        snprintf(message, sizeof message, "%s: expected %s%d argument%s, got %d", ESK_CLOSURE(self)->name,
                 p == ESK_NIL ? "" : "at least ", n, n == 1 ? "" : "s", argc);
        esk_raise_error(0, message, ESK_NIL);
    }
    if (params != ESK_NIL) env = esk_cons(esk_cons(params, esk_rest_list(argc, argv, i)), env);
    return env;
}

/* (define ...): its name and value expression, curried forms unrolled. */
static esk_val esk_ev_definition(esk_val form, esk_val env, esk_val genv, esk_val *value) {
    esk_val target = esk_ev_nth(form, 1, "eval: malformed define:"), body = ESK_CDR(ESK_CDR(form));
    while (ESK_IS_PAIR(target)) {
        esk_val name = ESK_CAR(target);
        if (ESK_IS_PAIR(name)) { /* ((f a) b): f returns a procedure of b */
            body = esk_cons(esk_cons(esk_ev_kw[ESK_EV_LAMBDA], esk_cons(ESK_CDR(target), body)), ESK_NIL);
            target = name;
            continue;
        }
        if (!ESK_HAS_TYPE(name, ESK_T_SYMBOL)) esk_ev_error("eval: malformed define:", form);
        if (value) *value = esk_ev_lambda(ESK_CDR(target), body, env, genv, ESK_SYMBOL(name)->name);
        return name;
    }
    if (!ESK_HAS_TYPE(target, ESK_T_SYMBOL)) esk_ev_error("eval: malformed define:", form);
    if (value) *value = body == ESK_NIL ? ESK_UNSPECIFIED : esk_ev(ESK_CAR(body), env, genv);
    return target;
}

/* Evaluates a body but its last form, which it returns to be evaluated in
 * tail position; its definitions bind in *env first (letrec*). */
static esk_val esk_ev_body(esk_val body, esk_val *env, esk_val genv) {
    esk_val b;
    if (!ESK_IS_PAIR(body)) esk_ev_error("eval: empty body", ESK_UNSPECIFIED);
    for (b = body; ESK_IS_PAIR(b); b = ESK_CDR(b))
        if (esk_ev_is(ESK_CAR(b), ESK_EV_DEFINE, *env))
            *env = esk_cons(esk_cons(esk_ev_definition(ESK_CAR(b), *env, genv, NULL), ESK_UNDEFINED), *env);
    for (b = body;; b = ESK_CDR(b)) {
        esk_val form = ESK_CAR(b);
        if (esk_ev_is(form, ESK_EV_DEFINE, *env)) {
            esk_val value, name = esk_ev_definition(form, *env, genv, &value);
            esk_set_cdr(0, esk_ev_local_cell(*env, name), value);
            form = ESK_UNSPECIFIED;
        }
        if (!ESK_IS_PAIR(ESK_CDR(b))) return form;
        esk_ev(form, *env, genv);
    }
}

static esk_val esk_ev_qq(esk_val t, int depth, esk_val env, esk_val genv) {
    if (ESK_IS_PAIR(t)) {
        esk_val head = ESK_CAR(t);
        if (head == esk_ev_kw[ESK_EV_UNQUOTE] || head == esk_ev_kw[ESK_EV_UNQUOTE_SPLICING]) {
            esk_val arg = esk_ev_nth(t, 1, "eval: malformed unquote:");
            if (depth == 1 && head == esk_ev_kw[ESK_EV_UNQUOTE]) return esk_ev(arg, env, genv);
            if (depth == 1) esk_ev_error("eval: unquote-splicing outside a list:", t);
            return esk_cons(head, esk_cons(esk_ev_qq(arg, depth - 1, env, genv), ESK_NIL));
        }
        if (head == esk_ev_kw[ESK_EV_QUASIQUOTE])
            return esk_cons(head, esk_cons(esk_ev_qq(esk_ev_nth(t, 1, "eval: malformed quasiquote:"), depth + 1, env, genv), ESK_NIL));
        if (depth == 1 && ESK_IS_PAIR(head) && ESK_CAR(head) == esk_ev_kw[ESK_EV_UNQUOTE_SPLICING]) {
            esk_val parts[2];
            parts[0] = esk_ev(esk_ev_nth(head, 1, "eval: malformed unquote-splicing:"), env, genv);
            parts[1] = esk_ev_qq(ESK_CDR(t), depth, env, genv);
            return esk_append(0, 2, parts);
        }
        {
            esk_val a = esk_ev_qq(head, depth, env, genv);
            return esk_cons(a, esk_ev_qq(ESK_CDR(t), depth, env, genv));
        }
    }
    if (ESK_HAS_TYPE(t, ESK_T_VECTOR))
        return esk_list_to_vector(0, esk_ev_qq(esk_vector_to_list(0, t, ESK_DEFAULT, ESK_DEFAULT), depth, env, genv));
    return t;
}

/* ---- the forms built on run-time procedures ------------------------------------ */
/* A closure over C code with the given slots. */
static esk_val esk_ev_native(esk_code code, int arity, int variadic, const char *name, int n, const esk_val *slots) {
    esk_val k = esk_make_closure(code, arity, variadic, name, n);
    int i;
    for (i = 0; i < n; ++i) ESK_CLOSURE(k)->slots[i] = slots[i];
    return k;
}

/* (delay e): slots expr env genv. */
static esk_val esk_ev_delay_code(esk_val self, int argc, esk_val *argv) {
    esk_closure *c = ESK_CLOSURE(self);
    (void)argc;
    (void)argv;
    return esk_make_promise(0, esk_ev(c->slots[0], c->slots[1], c->slots[2]));
}

/* guard's selector: slots var clauses env genv; (clause . test value) or #f. */
static esk_val esk_ev_guard_select(esk_val self, int argc, esk_val *argv) {
    esk_closure *c = ESK_CLOSURE(self);
    esk_val env = esk_cons(esk_cons(c->slots[0], argv[0]), c->slots[2]), cl;
    (void)argc;
    for (cl = c->slots[1]; ESK_IS_PAIR(cl); cl = ESK_CDR(cl)) {
        esk_val clause = ESK_CAR(cl), v;
        if (!ESK_IS_PAIR(clause)) esk_ev_error("eval: malformed guard clause:", clause);
        if (ESK_CAR(clause) == esk_ev_kw[ESK_EV_ELSE]) return esk_cons(clause, ESK_TRUE);
        v = esk_ev(ESK_CAR(clause), env, c->slots[3]);
        if (v != ESK_FALSE) return esk_cons(clause, v);
    }
    return ESK_FALSE;
}

/* guard's chosen clause, after the escape: slots var env genv. */
static esk_val esk_ev_guard_run(esk_val self, int argc, esk_val *argv) {
    esk_closure *c = ESK_CLOSURE(self);
    esk_val env = esk_cons(esk_cons(c->slots[0], argv[0]), c->slots[1]);
    esk_val clause = ESK_CAR(argv[1]), value = ESK_CDR(argv[1]), x;
    (void)argc;
    if (ESK_CDR(clause) == ESK_NIL) return value;
    if (ESK_CAR(ESK_CDR(clause)) == esk_ev_kw[ESK_EV_ARROW]) {
        esk_val f = esk_ev(esk_ev_nth(clause, 2, "eval: malformed guard clause:"), env, c->slots[2]);
        return esk_apply_proc(0, f, 1, &value);
    }
    x = esk_ev_body(ESK_CDR(clause), &env, c->slots[2]);
    return esk_ev(x, env, c->slots[2]);
}

/* The values v (one, or a values object) bound to formals in front of env. */
static esk_val esk_ev_bind_values(esk_val formals, esk_val v, esk_val env) {
    esk_val *items = &v;
    int n = 1, i = 0;
    if (ESK_HAS_TYPE(v, ESK_T_VALUES)) {
        n = (int)((esk_values *)ESK_HEAP(v))->h.size;
        items = ((esk_values *)ESK_HEAP(v))->items;
    }
    for (; ESK_IS_PAIR(formals) && i < n; formals = ESK_CDR(formals), ++i)
        env = esk_cons(esk_cons(ESK_CAR(formals), items[i]), env);
    if (ESK_IS_PAIR(formals) || (formals == ESK_NIL && i < n)) {
        char message[96];
        snprintf(message, sizeof message, "eval: %d value%s for the formals", n, n == 1 ? "" : "s");
        esk_ev_error(message, formals);
    }
    if (formals != ESK_NIL) env = esk_cons(esk_cons(formals, esk_rest_list(n, items, i)), env);
    return env;
}

/* case-lambda: slots clauses env genv; the first clause that takes argc. */
static esk_val esk_ev_case_lambda_code(esk_val self, int argc, esk_val *argv) {
    esk_closure *c = ESK_CLOSURE(self);
    esk_val cl;
    for (cl = c->slots[0]; ESK_IS_PAIR(cl); cl = ESK_CDR(cl)) {
        esk_val formals = ESK_CAR(ESK_CAR(cl)), f = formals, env, x;
        int required = 0;
        for (; ESK_IS_PAIR(f); f = ESK_CDR(f)) ++required;
        if (argc < required || (f == ESK_NIL && argc > required)) continue;
        env = c->slots[1];
        {
            int i = 0;
            for (f = formals; ESK_IS_PAIR(f); f = ESK_CDR(f), ++i) env = esk_cons(esk_cons(ESK_CAR(f), argv[i]), env);
            if (f != ESK_NIL) env = esk_cons(esk_cons(f, esk_rest_list(argc, argv, i)), env);
        }
        x = esk_ev_body(ESK_CDR(ESK_CAR(cl)), &env, c->slots[2]);
        return esk_ev(x, env, c->slots[2]);
    }
    {
        char message[96];
        snprintf(message, sizeof message, "case-lambda: no clause takes %d argument%s", argc, argc == 1 ? "" : "s");
        esk_raise_error(0, message, ESK_NIL);
    }
}

/* define-record-type's procedures: slots type, then an index (fixnum)
 * and the name for accessors and modifiers, or the constructor's field
 * indices (a vector). */
static esk_val esk_ev_record_make(esk_val self, int argc, esk_val *argv) {
    esk_closure *c = ESK_CLOSURE(self);
    esk_vector *at = ESK_VECTOR(c->slots[1]);
    esk_val fields[65];
    uint32_t n = ((esk_record_type *)ESK_HEAP(c->slots[0]))->h.size, i;
    fields[0] = c->slots[0];
    for (i = 1; i <= n; ++i) fields[i] = ESK_FALSE;
    for (i = 0; i < (uint32_t)argc; ++i) fields[1 + ESK_FIXVAL(at->items[i])] = argv[i];
    return esk_make_record(0, (int)n + 1, fields);
}

static esk_val esk_ev_record_pred(esk_val self, int argc, esk_val *argv) {
    (void)argc;
    return esk_record_p(0, argv[0], ESK_CLOSURE(self)->slots[0]);
}

static esk_val esk_ev_record_get(esk_val self, int argc, esk_val *argv) {
    esk_closure *c = ESK_CLOSURE(self);
    (void)argc;
    return esk_record_ref(0, argv[0], c->slots[0], c->slots[1], c->slots[2]);
}

static esk_val esk_ev_record_set(esk_val self, int argc, esk_val *argv) {
    esk_closure *c = ESK_CLOSURE(self);
    (void)argc;
    return esk_record_set(0, argv[0], c->slots[0], c->slots[1], argv[1], c->slots[2]);
}

static int esk_ev_index(esk_val names, esk_val name) {
    int i = 0;
    for (; ESK_IS_PAIR(names); names = ESK_CDR(names), ++i)
        if (ESK_CAR(names) == name) return i;
    return -1;
}

/* (define-record-type name (ctor field ...) pred (field accessor [modifier]) ...)
 * at eval's top level: every name it defines is a global of genv. */
static void esk_ev_define_record(esk_val x, esk_val env, esk_val genv) {
    esk_val name = esk_ev_nth(x, 1, "eval: malformed define-record-type:");
    esk_val ctor = esk_ev_nth(x, 2, "eval: malformed define-record-type:");
    esk_val pred = esk_ev_nth(x, 3, "eval: malformed define-record-type:");
    esk_val specs = ESK_CDR(ESK_CDR(ESK_CDR(ESK_CDR(x)))), s, names = ESK_NIL, type, slots[3];
    intptr_t n = esk_list_length(specs);
    if (ESK_IS_PAIR(name)) name = ESK_CAR(name);
    if (!ESK_HAS_TYPE(name, ESK_T_SYMBOL) || n < 0 || n > 64) esk_ev_error("eval: malformed define-record-type:", x);
    for (s = specs; ESK_IS_PAIR(s); s = ESK_CDR(s)) {
        if (!ESK_IS_PAIR(ESK_CAR(s)) || !ESK_HAS_TYPE(ESK_CAR(ESK_CAR(s)), ESK_T_SYMBOL))
            esk_ev_error("eval: malformed define-record-type field:", ESK_CAR(s));
        names = esk_cons(ESK_CAR(ESK_CAR(s)), names);
    }
    {
        esk_val ordered = ESK_NIL;
        for (; ESK_IS_PAIR(names); names = ESK_CDR(names)) ordered = esk_cons(ESK_CAR(names), ordered);
        names = ordered;
    }
    type = esk_make_record_type(0, name, names);
    esk_ev_set(name, type, env, genv, 1);
    if (ESK_IS_PAIR(ctor)) {
        intptr_t k = esk_list_length(ESK_CDR(ctor)), i;
        esk_val at, f;
        if (k < 0 || !ESK_HAS_TYPE(ESK_CAR(ctor), ESK_T_SYMBOL)) esk_ev_error("eval: malformed define-record-type constructor:", ctor);
        at = esk_make_vector_filled((size_t)k, ESK_FIX(0));
        for (i = 0, f = ESK_CDR(ctor); i < k; ++i, f = ESK_CDR(f)) {
            int index = esk_ev_index(names, ESK_CAR(f));
            if (index < 0) esk_ev_error("eval: define-record-type: the constructor's argument is not a field:", ESK_CAR(f));
            ESK_VECTOR(at)->items[i] = ESK_FIX(index);
        }
        slots[0] = type;
        slots[1] = at;
        esk_ev_set(ESK_CAR(ctor), esk_ev_native(esk_ev_record_make, (int)k, 0, ESK_SYMBOL(ESK_CAR(ctor))->name, 2, slots),
                   env, genv, 1);
    } else if (ESK_HAS_TYPE(ctor, ESK_T_SYMBOL)) { /* a bare name: every field, in order */
        esk_val at = esk_make_vector_filled((size_t)n, ESK_FIX(0));
        intptr_t i;
        for (i = 0; i < n; ++i) ESK_VECTOR(at)->items[i] = ESK_FIX(i);
        slots[0] = type;
        slots[1] = at;
        esk_ev_set(ctor, esk_ev_native(esk_ev_record_make, (int)n, 0, ESK_SYMBOL(ctor)->name, 2, slots), env, genv, 1);
    }
    if (ESK_HAS_TYPE(pred, ESK_T_SYMBOL)) {
        slots[0] = type;
        esk_ev_set(pred, esk_ev_native(esk_ev_record_pred, 1, 0, ESK_SYMBOL(pred)->name, 1, slots), env, genv, 1);
    }
    for (s = specs; ESK_IS_PAIR(s); s = ESK_CDR(s)) {
        esk_val spec = ESK_CAR(s), procs = ESK_CDR(spec);
        int index = esk_ev_index(names, ESK_CAR(spec));
        if (ESK_IS_PAIR(procs) && ESK_HAS_TYPE(ESK_CAR(procs), ESK_T_SYMBOL)) {
            slots[0] = type;
            slots[1] = ESK_FIX(index);
            slots[2] = ESK_CAR(procs);
            esk_ev_set(ESK_CAR(procs), esk_ev_native(esk_ev_record_get, 1, 0, ESK_SYMBOL(ESK_CAR(procs))->name, 3, slots),
                       env, genv, 1);
            procs = ESK_CDR(procs);
        }
        if (ESK_IS_PAIR(procs) && ESK_HAS_TYPE(ESK_CAR(procs), ESK_T_SYMBOL)) {
            slots[0] = type;
            slots[1] = ESK_FIX(index);
            slots[2] = ESK_CAR(procs);
            esk_ev_set(ESK_CAR(procs), esk_ev_native(esk_ev_record_set, 2, 0, ESK_SYMBOL(ESK_CAR(procs))->name, 3, slots),
                       env, genv, 1);
        }
    }
}

/* A call: the operator, then the operands, left to right. */
static esk_val esk_ev_call(esk_val x, esk_val env, esk_val genv, esk_val *f, esk_val **argv, esk_val *small, int *argc) {
    esk_val a, store = ESK_FALSE;
    intptr_t n = esk_list_length(ESK_CDR(x)), i;
    if (n < 0) esk_ev_error("eval: malformed call:", x);
    *f = esk_ev(ESK_CAR(x), env, genv);
    if (n > 8) {
        store = esk_make_vector_filled((size_t)n, ESK_FALSE);
        *argv = ESK_VECTOR(store)->items;
    } else {
        *argv = small;
    }
    for (i = 0, a = ESK_CDR(x); i < n; ++i, a = ESK_CDR(a)) {
        esk_val v = esk_ev(ESK_CAR(a), env, genv);
        if (store != ESK_FALSE) ESK_STORE(ESK_HEAP(store), &(*argv)[i], v);
        else (*argv)[i] = v;
    }
    *argc = (int)n;
    return store;
}

static esk_val esk_ev(esk_val x, esk_val env, esk_val genv) {
    for (;;) {
        esk_val head, rest, f, small[8], *argv, keep;
        int argc, k = -1;
        if (ESK_HAS_TYPE(x, ESK_T_SYMBOL)) return esk_ev_lookup(x, env, genv);
        if (!ESK_IS_PAIR(x)) {
            if (x == ESK_NIL) esk_ev_error("eval: () is not an expression", ESK_UNSPECIFIED);
            return x; /* self-evaluating */
        }
        head = ESK_CAR(x);
        rest = ESK_CDR(x);
        if (ESK_HAS_TYPE(head, ESK_T_SYMBOL) && esk_ev_local_cell(env, head) == ESK_FALSE) {
            k = esk_ev_keyword(head);
            if (k < 0 && esk_ev_frame_cell(ESK_RECORD(genv), head) == ESK_FALSE && !esk_ev_table_slot(head, 2)) {
                int i;
                for (i = 0; esk_ev_unsupported[i]; ++i)
                    if (strcmp(ESK_SYMBOL(head)->name, esk_ev_unsupported[i]) == 0)
                        esk_ev_error("eval: this form is not supported by eval yet (compiled code has it):", head);
            }
        }
        switch (k) {
        case ESK_EV_QUOTE:
            return esk_ev_nth(x, 1, "eval: malformed quote:");
        case ESK_EV_QUASIQUOTE:
            return esk_ev_qq(esk_ev_nth(x, 1, "eval: malformed quasiquote:"), 1, env, genv);
        case ESK_EV_IF: {
            esk_val test = esk_ev(esk_ev_nth(x, 1, "eval: malformed if:"), env, genv);
            if (test != ESK_FALSE) x = esk_ev_nth(x, 2, "eval: malformed if:");
            else if (ESK_IS_PAIR(ESK_CDR(ESK_CDR(rest)))) x = ESK_CAR(ESK_CDR(ESK_CDR(rest)));
            else return ESK_UNSPECIFIED;
            continue;
        }
        case ESK_EV_DEFINE: {
            esk_val value, name;
            if (env != ESK_NIL) esk_ev_error("eval: define here is not at the start of a body:", x);
            name = esk_ev_definition(x, env, genv, &value);
            esk_ev_set(name, value, env, genv, 1);
            return ESK_UNSPECIFIED;
        }
        case ESK_EV_SET: {
            esk_val name = esk_ev_nth(x, 1, "eval: malformed set!:");
            if (!ESK_HAS_TYPE(name, ESK_T_SYMBOL)) esk_ev_error("eval: malformed set!:", x);
            esk_ev_set(name, esk_ev(esk_ev_nth(x, 2, "eval: malformed set!:"), env, genv), env, genv, 0);
            return ESK_UNSPECIFIED;
        }
        case ESK_EV_LAMBDA:
            return esk_ev_lambda(esk_ev_nth(x, 1, "eval: malformed lambda:"), ESK_CDR(rest), env, genv, NULL);
        case ESK_EV_BEGIN:
            if (!ESK_IS_PAIR(rest)) return ESK_UNSPECIFIED;
            if (env == ESK_NIL) { /* the top level: definitions are global */
                for (; ESK_IS_PAIR(ESK_CDR(rest)); rest = ESK_CDR(rest)) esk_ev(ESK_CAR(rest), env, genv);
                x = ESK_CAR(rest);
            } else {
                x = esk_ev_body(rest, &env, genv);
            }
            continue;
        case ESK_EV_LET:
        case ESK_EV_LET_STAR:
        case ESK_EV_LETREC:
        case ESK_EV_LETREC_STAR: {
            esk_val bindings = esk_ev_nth(x, 1, "eval: malformed let:"), body = ESK_CDR(rest), b, inner = env;
            if (k == ESK_EV_LET && ESK_HAS_TYPE(bindings, ESK_T_SYMBOL)) { /* named let: a call of the loop */
                esk_val name = bindings, params = ESK_NIL, loop, prev = ESK_FALSE, store = ESK_FALSE;
                intptr_t n, i;
                bindings = esk_ev_nth(x, 2, "eval: malformed named let:");
                body = ESK_CDR(ESK_CDR(rest));
                n = esk_list_length(bindings);
                if (n < 0) esk_ev_error("eval: malformed named let:", x);
                argv = small;
                if (n > 8) {
                    store = esk_make_vector_filled((size_t)n, ESK_FALSE);
                    argv = ESK_VECTOR(store)->items;
                }
                for (b = bindings, i = 0; i < n; b = ESK_CDR(b), ++i) {
                    esk_val v = esk_ev(esk_ev_nth(ESK_CAR(b), 1, "eval: malformed let binding:"), env, genv);
                    esk_val cell = esk_cons(esk_ev_nth(ESK_CAR(b), 0, "eval: malformed let binding:"), ESK_NIL);
                    /* the previous cell may be old by now: the store goes through the barrier */
                    if (prev == ESK_FALSE) params = cell;
                    else ESK_STORE(ESK_PAIR(prev), &ESK_PAIR(prev)->cdr, cell);
                    prev = cell;
                    if (store != ESK_FALSE) ESK_STORE(ESK_HEAP(store), &argv[i], v);
                    else argv[i] = v;
                }
                inner = esk_cons(esk_cons(name, ESK_UNDEFINED), env);
                loop = esk_ev_lambda(params, body, inner, genv, ESK_SYMBOL(name)->name);
                esk_set_cdr(0, ESK_CAR(inner), loop);
                env = esk_ev_bind(loop, params, (int)n, argv, inner);
                x = esk_ev_body(body, &env, genv);
                continue;
            }
            if (k == ESK_EV_LETREC || k == ESK_EV_LETREC_STAR)
                for (b = bindings; ESK_IS_PAIR(b); b = ESK_CDR(b))
                    inner = esk_cons(esk_cons(esk_ev_nth(ESK_CAR(b), 0, "eval: malformed letrec binding:"), ESK_UNDEFINED), inner);
            for (b = bindings; ESK_IS_PAIR(b); b = ESK_CDR(b)) {
                esk_val name = esk_ev_nth(ESK_CAR(b), 0, "eval: malformed let binding:");
                esk_val init = ESK_IS_PAIR(ESK_CDR(ESK_CAR(b))) ? ESK_CAR(ESK_CDR(ESK_CAR(b))) : ESK_UNSPECIFIED;
                if (!ESK_HAS_TYPE(name, ESK_T_SYMBOL)) esk_ev_error("eval: malformed let binding:", ESK_CAR(b));
                if (k == ESK_EV_LETREC || k == ESK_EV_LETREC_STAR)
                    esk_set_cdr(0, esk_ev_local_cell(inner, name), esk_ev(init, inner, genv));
                else
                    inner = esk_cons(esk_cons(name, esk_ev(init, k == ESK_EV_LET_STAR ? inner : env, genv)), inner);
            }
            env = inner;
            x = esk_ev_body(body, &env, genv);
            continue;
        }
        case ESK_EV_COND: {
            esk_val c;
            for (c = rest; ESK_IS_PAIR(c); c = ESK_CDR(c)) {
                esk_val clause = ESK_CAR(c), test;
                if (!ESK_IS_PAIR(clause)) esk_ev_error("eval: malformed cond clause:", clause);
                if (ESK_CAR(clause) == esk_ev_kw[ESK_EV_ELSE]) break;
                test = esk_ev(ESK_CAR(clause), env, genv);
                if (test == ESK_FALSE) continue;
                if (ESK_CDR(clause) == ESK_NIL) return test;
                if (ESK_CAR(ESK_CDR(clause)) == esk_ev_kw[ESK_EV_ARROW]) {
                    f = esk_ev(esk_ev_nth(clause, 2, "eval: malformed cond clause:"), env, genv);
                    return esk_apply_proc(0, f, 1, &test);
                }
                break;
            }
            if (!ESK_IS_PAIR(c)) return ESK_UNSPECIFIED;
            x = esk_ev_body(ESK_CDR(ESK_CAR(c)), &env, genv);
            continue;
        }
        case ESK_EV_CASE: {
            esk_val key = esk_ev(esk_ev_nth(x, 1, "eval: malformed case:"), env, genv), c;
            for (c = ESK_CDR(rest); ESK_IS_PAIR(c); c = ESK_CDR(c)) {
                esk_val clause = ESK_CAR(c), d;
                if (!ESK_IS_PAIR(clause)) esk_ev_error("eval: malformed case clause:", clause);
                if (ESK_CAR(clause) == esk_ev_kw[ESK_EV_ELSE]) break;
                for (d = ESK_CAR(clause); ESK_IS_PAIR(d); d = ESK_CDR(d))
                    if (esk_eqv_p(0, ESK_CAR(d), key) != ESK_FALSE) break;
                if (ESK_IS_PAIR(d)) break;
            }
            if (!ESK_IS_PAIR(c)) return ESK_UNSPECIFIED;
            if (ESK_IS_PAIR(ESK_CDR(ESK_CAR(c))) && ESK_CAR(ESK_CDR(ESK_CAR(c))) == esk_ev_kw[ESK_EV_ARROW]) {
                f = esk_ev(esk_ev_nth(ESK_CAR(c), 2, "eval: malformed case clause:"), env, genv);
                return esk_apply_proc(0, f, 1, &key);
            }
            x = esk_ev_body(ESK_CDR(ESK_CAR(c)), &env, genv);
            continue;
        }
        case ESK_EV_AND:
        case ESK_EV_OR: {
            if (!ESK_IS_PAIR(rest)) return k == ESK_EV_AND ? ESK_TRUE : ESK_FALSE;
            for (; ESK_IS_PAIR(ESK_CDR(rest)); rest = ESK_CDR(rest)) {
                esk_val v = esk_ev(ESK_CAR(rest), env, genv);
                if ((v == ESK_FALSE) == (k == ESK_EV_AND)) return v;
            }
            x = ESK_CAR(rest);
            continue;
        }
        case ESK_EV_WHEN:
        case ESK_EV_UNLESS: {
            esk_val test = esk_ev(esk_ev_nth(x, 1, "eval: malformed when:"), env, genv);
            if ((test != ESK_FALSE) != (k == ESK_EV_WHEN) || !ESK_IS_PAIR(ESK_CDR(rest))) return ESK_UNSPECIFIED;
            x = esk_ev_body(ESK_CDR(rest), &env, genv);
            continue;
        }
        case ESK_EV_DO: {
            esk_val specs = esk_ev_nth(x, 1, "eval: malformed do:"), exit = esk_ev_nth(x, 2, "eval: malformed do:");
            esk_val body = ESK_CDR(ESK_CDR(rest)), s, inner = env;
            for (s = specs; ESK_IS_PAIR(s); s = ESK_CDR(s))
                inner = esk_cons(esk_cons(esk_ev_nth(ESK_CAR(s), 0, "eval: malformed do:"),
                                          esk_ev(esk_ev_nth(ESK_CAR(s), 1, "eval: malformed do:"), env, genv)), inner);
            while (esk_ev(esk_ev_nth(exit, 0, "eval: malformed do:"), inner, genv) == ESK_FALSE) {
                esk_val b, next = env;
                for (b = body; ESK_IS_PAIR(b); b = ESK_CDR(b)) esk_ev(ESK_CAR(b), inner, genv);
                for (s = specs; ESK_IS_PAIR(s); s = ESK_CDR(s)) {
                    esk_val name = ESK_CAR(ESK_CAR(s)), step = ESK_CDR(ESK_CDR(ESK_CAR(s)));
                    next = esk_cons(esk_cons(name, ESK_IS_PAIR(step) ? esk_ev(ESK_CAR(step), inner, genv)
                                                                      : ESK_CDR(esk_ev_local_cell(inner, name))), next);
                }
                inner = next;
            }
            if (!ESK_IS_PAIR(ESK_CDR(exit))) return ESK_UNSPECIFIED;
            env = inner;
            x = esk_ev_body(ESK_CDR(exit), &env, genv);
            continue;
        }
        case ESK_EV_DELAY: {
            esk_val slots[3];
            slots[0] = esk_ev_nth(x, 1, "eval: malformed delay:");
            slots[1] = env;
            slots[2] = genv;
            return esk_make_lazy(0, esk_ev_native(esk_ev_delay_code, 0, 0, "delay", 3, slots));
        }
        case ESK_EV_GUARD: { /* (guard (var clause ...) body ...) */
            esk_val spec = esk_ev_nth(x, 1, "eval: malformed guard:"), slots[4], body, select, run;
            if (!ESK_IS_PAIR(spec) || !ESK_HAS_TYPE(ESK_CAR(spec), ESK_T_SYMBOL)) esk_ev_error("eval: malformed guard:", x);
            body = esk_ev_lambda(ESK_NIL, ESK_CDR(rest), env, genv, "guard");
            slots[0] = ESK_CAR(spec);
            slots[1] = ESK_CDR(spec);
            slots[2] = env;
            slots[3] = genv;
            select = esk_ev_native(esk_ev_guard_select, 1, 0, "guard", 4, slots);
            slots[1] = env;
            slots[2] = genv;
            run = esk_ev_native(esk_ev_guard_run, 2, 0, "guard", 3, slots);
            return esk_guard(0, body, select, run);
        }
        case ESK_EV_PARAMETERIZE: {
            esk_val bindings = esk_ev_nth(x, 1, "eval: malformed parameterize:"), b, params = ESK_NIL, values = ESK_NIL;
            for (b = bindings; ESK_IS_PAIR(b); b = ESK_CDR(b)) {
                esk_val p = esk_ev(esk_ev_nth(ESK_CAR(b), 0, "eval: malformed parameterize:"), env, genv);
                esk_val v = esk_ev(esk_ev_nth(ESK_CAR(b), 1, "eval: malformed parameterize:"), env, genv);
                params = esk_cons(p, params);
                values = esk_cons(v, values);
            }
            return esk_parameterize(0, params, values, esk_ev_lambda(ESK_NIL, ESK_CDR(rest), env, genv, "parameterize"));
        }
        case ESK_EV_LET_VALUES:
        case ESK_EV_LET_STAR_VALUES: {
            esk_val bindings = esk_ev_nth(x, 1, "eval: malformed let-values:"), b, inner = env;
            for (b = bindings; ESK_IS_PAIR(b); b = ESK_CDR(b)) {
                esk_val v = esk_ev(esk_ev_nth(ESK_CAR(b), 1, "eval: malformed let-values binding:"),
                                   k == ESK_EV_LET_STAR_VALUES ? inner : env, genv);
                inner = esk_ev_bind_values(ESK_CAR(ESK_CAR(b)), v, inner);
            }
            env = inner;
            x = esk_ev_body(ESK_CDR(rest), &env, genv);
            continue;
        }
        case ESK_EV_DEFINE_VALUES: {
            esk_val formals = esk_ev_nth(x, 1, "eval: malformed define-values:"), bound, b;
            if (env != ESK_NIL) esk_ev_error("eval: define-values here is not at the start of a body:", x);
            bound = esk_ev_bind_values(formals, esk_ev(esk_ev_nth(x, 2, "eval: malformed define-values:"), env, genv), ESK_NIL);
            for (b = bound; ESK_IS_PAIR(b); b = ESK_CDR(b)) esk_ev_set(ESK_CAR(ESK_CAR(b)), ESK_CDR(ESK_CAR(b)), env, genv, 1);
            return ESK_UNSPECIFIED;
        }
        case ESK_EV_CASE_LAMBDA: {
            esk_val slots[3];
            slots[0] = rest;
            slots[1] = env;
            slots[2] = genv;
            return esk_ev_native(esk_ev_case_lambda_code, 0, 1, "case-lambda", 3, slots);
        }
        case ESK_EV_DEFINE_RECORD_TYPE:
            if (env != ESK_NIL) esk_ev_error("eval: define-record-type inside a body is not supported by eval yet:", x);
            esk_ev_define_record(x, env, genv);
            return ESK_UNSPECIFIED;
        case ESK_EV_DELAY_FORCE:
            return esk_make_lazy(0, esk_ev_lambda(ESK_NIL, esk_cons(esk_ev_nth(x, 1, "eval: malformed delay-force:"), ESK_NIL),
                                                  env, genv, "delay-force"));
        case ESK_EV_UNQUOTE:
        case ESK_EV_UNQUOTE_SPLICING:
        case ESK_EV_ELSE:
        case ESK_EV_ARROW:
            esk_ev_error("eval: misplaced syntax:", head);
        default:
            break;
        }
        /* a call */
        keep = esk_ev_call(x, env, genv, &f, &argv, small, &argc);
        f = esk_shared_contents(f);
        if (ESK_HAS_TYPE(f, ESK_T_CLOSURE) && ESK_CLOSURE(f)->code == esk_ev_code) { /* in tail position: no C frame */
            env = esk_ev_bind(f, ESK_CLOSURE(f)->slots[0], argc, argv, ESK_CLOSURE(f)->slots[2]);
            genv = ESK_CLOSURE(f)->slots[3];
            x = esk_ev_body(ESK_CLOSURE(f)->slots[1], &env, genv);
            (void)keep;
            continue;
        }
        {
            esk_val result = esk_apply_proc(0, f, argc, argv);
            (void)keep;
            return result;
        }
    }
}

static esk_val esk_ev_code(esk_val self, int argc, esk_val *argv) {
    esk_val env = esk_ev_bind(self, ESK_CLOSURE(self)->slots[0], argc, argv, ESK_CLOSURE(self)->slots[2]);
    esk_val genv = ESK_CLOSURE(self)->slots[3];
    esk_val x = esk_ev_body(ESK_CLOSURE(self)->slots[1], &env, genv);
    return esk_ev(x, env, genv);
}

/* ---- the built-ins ------------------------------------------------------------- */
esk_val esk_prim_eval(int loc, esk_val expr, esk_val env) {
    esk_ev_init();
    if (env == ESK_DEFAULT) env = esk_interaction_environment(loc);
    esk_ev_env(loc, env);
    return esk_ev(expr, ESK_NIL, env);
}

esk_val esk_prim_environment(int loc, int argc, esk_val *argv) {
    int i;
    for (i = 0; i < argc; ++i) {
        esk_val set = argv[i], name;
        if (esk_list_length(set) <= 0) esk_type_error(loc, "environment", "an import set such as (scheme base)", set);
        while (ESK_IS_PAIR(set) && ESK_HAS_TYPE(ESK_CAR(set), ESK_T_SYMBOL) &&
               (strcmp(ESK_SYMBOL(ESK_CAR(set))->name, "only") == 0 || strcmp(ESK_SYMBOL(ESK_CAR(set))->name, "except") == 0 ||
                strcmp(ESK_SYMBOL(ESK_CAR(set))->name, "prefix") == 0 || strcmp(ESK_SYMBOL(ESK_CAR(set))->name, "rename") == 0) &&
               ESK_IS_PAIR(ESK_CDR(set)) && ESK_IS_PAIR(ESK_CAR(ESK_CDR(set))))
            set = ESK_CAR(ESK_CDR(set)); /* the library inside; eval sees every standard name */
        name = ESK_IS_PAIR(set) ? ESK_CAR(set) : ESK_FALSE;
        if (!ESK_HAS_TYPE(name, ESK_T_SYMBOL) ||
            (strcmp(ESK_SYMBOL(name)->name, "scheme") != 0 && strcmp(ESK_SYMBOL(name)->name, "srfi") != 0))
            esk_error(loc, "environment: unknown library", argv[i]);
    }
    return esk_ev_make_env(1);
}

esk_val esk_interaction_environment(int loc) {
    (void)loc;
    if (esk_ev_interaction == ESK_FALSE) {
        esk_val env = esk_ev_make_env(2);
        ESK_STORE(NULL, &esk_ev_interaction, env);
    }
    return esk_ev_interaction;
}

static int esk_ev_version(int loc, const char *who, esk_val v) {
    if (v != ESK_FIX(5)) esk_type_error(loc, who, "5 (the report version)", v);
    return 5;
}

esk_val esk_scheme_report_environment(int loc, esk_val version) {
    esk_ev_version(loc, "scheme-report-environment", version);
    return esk_ev_make_env(1);
}

esk_val esk_null_environment(int loc, esk_val version) {
    esk_ev_version(loc, "null-environment", version);
    return esk_ev_make_env(0);
}
