/* esk_print.c - display, write, write-shared, write-simple: every type, datum labels (#0= #0#) for cycles or sharing. */
#include "eshkol.h"

#include <stdlib.h>
#include <string.h>

/* ---- finding cycles: which pairs and vectors need a label --------------- */
typedef struct esk_prt_entry {
    esk_val node;   /* 0: empty slot */
    int32_t state;  /* 1: on the current path, 2: finished */
    int32_t label;  /* -1: none; -2: needs one; >= 0: assigned number */
} esk_prt_entry;

typedef struct esk_prt_table {
    esk_prt_entry *slots;
    size_t capacity, count;
    int next_label;
} esk_prt_table;

static esk_prt_entry *esk_prt_find(esk_prt_table *t, esk_val node, int add);

static void esk_prt_grow(esk_prt_table *t) {
    esk_prt_table bigger = {NULL, t->capacity ? t->capacity * 2 : 256, 0, t->next_label};
    size_t i;
    bigger.slots = calloc(bigger.capacity, sizeof(esk_prt_entry));
    if (!bigger.slots) esk_error(0, "write: out of memory", ESK_UNSPECIFIED);
    for (i = 0; i < t->capacity; ++i)
        if (t->slots[i].node) *esk_prt_find(&bigger, t->slots[i].node, 1) = t->slots[i];
    free(t->slots);
    *t = bigger;
}

static esk_prt_entry *esk_prt_find(esk_prt_table *t, esk_val node, int add) {
    size_t i;
    if (add && (t->count + 1) * 2 > t->capacity) esk_prt_grow(t);
    if (t->capacity == 0) return NULL;
    for (i = (size_t)(node >> 3) * 0x9E3779B1u & (t->capacity - 1);; i = (i + 1) & (t->capacity - 1)) {
        if (t->slots[i].node == node) return &t->slots[i];
        if (t->slots[i].node == 0) break;
    }
    if (!add) return NULL;
    t->count++;
    t->slots[i].node = node;
    t->slots[i].state = 0;
    t->slots[i].label = -1;
    return &t->slots[i];
}

static int esk_prt_compound(esk_val v) {
    return ESK_IS_PAIR(v) || (ESK_HAS_TYPE(v, ESK_T_VECTOR) && ESK_VECTOR(v)->h.size > 0);
}

static size_t esk_prt_children(esk_val v) { return ESK_IS_PAIR(v) ? 2 : ESK_VECTOR(v)->h.size; }

static esk_val esk_prt_child(esk_val v, size_t i) {
    if (ESK_IS_PAIR(v)) return i == 0 ? ESK_CAR(v) : ESK_CDR(v);
    return ESK_VECTOR(v)->items[i];
}

/* Depth-first search with an explicit stack: a child found on the current
 * path closes a cycle and needs a label; with shared, so does any child met
 * a second time. */
static void esk_prt_scan(esk_prt_table *t, esk_val root, int shared) {
    size_t depth = 0, room = 64;
    esk_val *nodes = malloc(room * sizeof(esk_val));
    size_t *next = malloc(room * sizeof(size_t));
    if (!nodes || !next) esk_error(0, "write: out of memory", ESK_UNSPECIFIED);
    esk_prt_find(t, root, 1)->state = 1;
    nodes[0] = root;
    next[0] = 0;
    depth = 1;
    while (depth > 0) {
        esk_val v = nodes[depth - 1];
        esk_val child;
        esk_prt_entry *e;
        if (next[depth - 1] == esk_prt_children(v)) {
            esk_prt_find(t, v, 0)->state = 2;
            --depth;
            continue;
        }
        child = esk_prt_child(v, next[depth - 1]++);
        if (!esk_prt_compound(child)) continue;
        e = esk_prt_find(t, child, 1);
        if (e->state == 1 || (e->state == 2 && shared)) e->label = -2;
        if (e->state != 0) continue;
        e->state = 1;
        if (depth == room) {
            room *= 2;
            nodes = realloc(nodes, room * sizeof(esk_val));
            next = realloc(next, room * sizeof(size_t));
            if (!nodes || !next) esk_error(0, "write: out of memory", ESK_UNSPECIFIED);
        }
        nodes[depth] = child;
        next[depth++] = 0;
    }
    free(nodes);
    free(next);
}

/* ---- printing --------------------------------------------------------------- */
typedef struct esk_prt {
    esk_port *out;
    int write;
    esk_prt_table labels;
} esk_prt;

static void esk_prt_printf_int(esk_prt *p, const char *format, long long n) {
    char text[32];
    snprintf(text, sizeof text, format, n);
    esk_port_puts(p->out, text);
}

static void esk_prt_value(esk_prt *p, esk_val v);

/* Prints "#n#" and returns 1 when v was printed already; prints "#n=" first
 * when v needs a label. */
static int esk_prt_label(esk_prt *p, esk_val v) {
    esk_prt_entry *e = esk_prt_find(&p->labels, v, 0);
    if (!e || e->label == -1) return 0;
    if (e->label >= 0) {
        esk_prt_printf_int(p, "#%lld#", e->label);
        return 1;
    }
    e->label = p->labels.next_label++;
    esk_prt_printf_int(p, "#%lld=", e->label);
    return 0;
}

static int esk_prt_labelled(esk_prt *p, esk_val v) {
    esk_prt_entry *e = esk_prt_find(&p->labels, v, 0);
    return e && e->label != -1;
}

static void esk_prt_list(esk_prt *p, esk_val v) {
    esk_port_putc(p->out, '(');
    for (;;) {
        esk_prt_value(p, ESK_CAR(v));
        v = ESK_CDR(v);
        if (v == ESK_NIL) break;
        if (!ESK_IS_PAIR(v) || esk_prt_labelled(p, v)) {
            esk_port_puts(p->out, " . ");
            esk_prt_value(p, v);
            break;
        }
        esk_port_putc(p->out, ' ');
    }
    esk_port_putc(p->out, ')');
}

static void esk_prt_vector(esk_prt *p, esk_val v) {
    uint32_t i;
    esk_port_puts(p->out, "#(");
    for (i = 0; i < ESK_VECTOR(v)->h.size; ++i) {
        if (i) esk_port_putc(p->out, ' ');
        esk_prt_value(p, ESK_VECTOR(v)->items[i]);
    }
    esk_port_putc(p->out, ')');
}

static void esk_prt_bytevector(esk_prt *p, esk_val v) {
    size_t i;
    esk_port_puts(p->out, "#u8(");
    for (i = 0; i < ESK_BYTEVECTOR(v)->length; ++i)
        esk_prt_printf_int(p, i ? " %lld" : "%lld", ESK_BYTEVECTOR(v)->bytes[i]);
    esk_port_putc(p->out, ')');
}

static void esk_prt_number(esk_prt *p, esk_val v) {
    char small[64];
    int n = esk_number_to_cstring(v, 10, small, sizeof small);
    if (n < (int)sizeof small) {
        esk_port_puts(p->out, small);
    } else {
        char *big = malloc((size_t)n + 1);
        if (!big) esk_error(0, "write: out of memory", ESK_UNSPECIFIED);
        esk_number_to_cstring(v, 10, big, (size_t)n + 1);
        esk_port_puts(p->out, big);
        free(big);
    }
}

/* #<kind>, #<kind name> (a symbol, displayed) or #<kind "name"> (a string, written). */
static void esk_prt_named(esk_prt *p, const char *kind, esk_val name) {
    esk_port_puts(p->out, "#<");
    esk_port_puts(p->out, kind);
    if (ESK_HAS_TYPE(name, ESK_T_SYMBOL) || ESK_HAS_TYPE(name, ESK_T_STRING)) {
        esk_port_putc(p->out, ' ');
        if (ESK_HAS_TYPE(name, ESK_T_SYMBOL)) esk_symbol_print(p->out, name, 0);
        else esk_string_print(p->out, name, 1);
    }
    esk_port_putc(p->out, '>');
}

static void esk_prt_port(esk_prt *p, const esk_port *port) {
    const char *kind = port->flags & ESK_PORT_INPUT ? (port->flags & ESK_PORT_BINARY ? "binary-input-port" : "input-port")
                                                    : (port->flags & ESK_PORT_BINARY ? "binary-output-port" : "output-port");
    esk_prt_named(p, kind, port->name);
}

static void esk_prt_heap(esk_prt *p, esk_val v) {
    esk_header *h = ESK_HEAP(v);
    switch ((esk_type)h->type) {
    case ESK_T_FLONUM: case ESK_T_BIGNUM: case ESK_T_RATNUM: case ESK_T_COMPNUM: esk_prt_number(p, v); break;
    case ESK_T_STRING: esk_string_print(p->out, v, p->write); break;
    case ESK_T_SYMBOL: esk_symbol_print(p->out, v, p->write); break;
    case ESK_T_VECTOR: esk_prt_vector(p, v); break;
    case ESK_T_BYTEVECTOR: esk_prt_bytevector(p, v); break;
    case ESK_T_CLOSURE: {
        const char *name = ESK_CLOSURE(v)->name;
        esk_port_puts(p->out, "#<procedure");
        if (name) {
            esk_port_putc(p->out, ' ');
            esk_port_puts(p->out, name);
        }
        esk_port_putc(p->out, '>');
        break;
    }
    case ESK_T_RECORD: esk_prt_named(p, "record", ((esk_record_type *)ESK_HEAP(ESK_RECORD(v)->type))->name); break;
    case ESK_T_RECORD_TYPE: esk_prt_named(p, "record-type", ((esk_record_type *)h)->name); break;
    case ESK_T_PROMISE: esk_port_puts(p->out, "#<promise>"); break;
    case ESK_T_CONDITION:
        esk_port_puts(p->out, "#<error ");
        esk_string_print(p->out, ((esk_condition *)h)->message, 1);
        esk_port_putc(p->out, '>');
        break;
    case ESK_T_VALUES: {
        uint32_t i;
        for (i = 0; i < h->size; ++i) {
            if (i) esk_port_putc(p->out, ' ');
            esk_prt_value(p, ((esk_values *)h)->items[i]);
        }
        break;
    }
    case ESK_T_BOX: esk_port_puts(p->out, "#<box>"); break;
    case ESK_T_CONTINUATION: esk_port_puts(p->out, "#<continuation>"); break;
    case ESK_T_ARENA:
        esk_port_puts(p->out, ((esk_arena_handle *)h)->arena->kind == ESK_ARENA_DESTROYED ? "#<arena destroyed>" : "#<arena>");
        break;
    case ESK_T_HASH_TABLE: esk_port_puts(p->out, "#<hash-table>"); break;
    case ESK_T_PORT: esk_prt_port(p, (esk_port *)h); break;
    case ESK_T_OWNED: esk_port_puts(p->out, ((esk_owned *)h)->consumed ? "#<owned, consumed>" : "#<owned>"); break;
    case ESK_T_SHARED: esk_port_puts(p->out, "#<shared>"); break;
    case ESK_T_WEAK: esk_port_puts(p->out, "#<weak-ref>"); break;
    case ESK_T_POINTER: {
        const esk_pointer *q = (const esk_pointer *)ESK_HEAP(v);
        char text[64];
        if (q->function) {
            esk_port_puts(p->out, "#<c-callback ");
            esk_port_puts(p->out, q->tag);
            esk_port_putc(p->out, '>');
            break;
        }
        esk_port_puts(p->out, "#<pointer ");
        if (q->tag) {
            esk_port_puts(p->out, q->tag);
            esk_port_putc(p->out, ' ');
        }
        snprintf(text, sizeof text, "0x%llx>", (unsigned long long)(uintptr_t)q->address);
        esk_port_puts(p->out, text);
        break;
    }
    case ESK_T_EOF_OBJECT: case ESK_T_RAW: case ESK_T_BYTES: case ESK_T_FREE: esk_port_puts(p->out, "#<unknown>"); break;
    }
}

static void esk_prt_immediate(esk_prt *p, esk_val v) {
    const char *text = "#<unknown>";
    switch (v) {
    case ESK_FALSE: text = "#f"; break;
    case ESK_TRUE: text = "#t"; break;
    case ESK_NIL: text = "()"; break;
    case ESK_UNSPECIFIED: text = "#<unspecified>"; break;
    case ESK_EOF: text = "#<eof>"; break;
    case ESK_DEFAULT: text = "#<default>"; break;
    case ESK_UNDEFINED: text = "#<undefined>"; break;
    default: break;
    }
    esk_port_puts(p->out, text);
}

static void esk_prt_value(esk_prt *p, esk_val v) {
    if (ESK_IS_FIXNUM(v)) {
        esk_prt_printf_int(p, "%lld", (long long)ESK_FIXVAL(v));
    } else if (ESK_IS_CHAR(v)) {
        if (p->write) esk_char_write(p->out, ESK_CHARVAL(v));
        else esk_put_utf8(p->out, ESK_CHARVAL(v));
    } else if (ESK_IS_PAIR(v) || ESK_HAS_TYPE(v, ESK_T_VECTOR)) {
        if (esk_prt_label(p, v)) return;
        if (ESK_IS_PAIR(v)) esk_prt_list(p, v);
        else esk_prt_vector(p, v);
    } else if (ESK_IS_HEAP(v)) {
        esk_prt_heap(p, v);
    } else {
        esk_prt_immediate(p, v);
    }
}

/* mode: 0 no labels, 1 labels for cycles, 2 labels for all sharing. */
static void esk_prt_top(esk_port *out, esk_val v, int write, int mode) {
    esk_prt p = {out, write, {NULL, 0, 0, 0}};
    if (mode && esk_prt_compound(v)) esk_prt_scan(&p.labels, v, mode == 2);
    esk_prt_value(&p, v);
    free(p.labels.slots);
}

void esk_display_to(esk_port *out, esk_val v) { esk_prt_top(out, v, 0, 1); }
void esk_write_to(esk_port *out, esk_val v) { esk_prt_top(out, v, 1, 1); }
void esk_write_shared_to(esk_port *out, esk_val v) { esk_prt_top(out, v, 1, 2); }
void esk_write_simple_to(esk_port *out, esk_val v) { esk_prt_top(out, v, 1, 0); }

/* ---- the built-ins: (display obj [port]) and the writes ----------------- */
esk_val esk_display(int loc, esk_val v, esk_val port) {
    esk_display_to(esk_port_arg(loc, "display", port, ESK_PORT_OUTPUT, 0), v);
    return ESK_UNSPECIFIED;
}

esk_val esk_write(int loc, esk_val v, esk_val port) {
    esk_write_to(esk_port_arg(loc, "write", port, ESK_PORT_OUTPUT, 0), v);
    return ESK_UNSPECIFIED;
}

esk_val esk_write_shared(int loc, esk_val v, esk_val port) {
    esk_write_shared_to(esk_port_arg(loc, "write-shared", port, ESK_PORT_OUTPUT, 0), v);
    return ESK_UNSPECIFIED;
}

esk_val esk_write_simple(int loc, esk_val v, esk_val port) {
    esk_write_simple_to(esk_port_arg(loc, "write-simple", port, ESK_PORT_OUTPUT, 0), v);
    return ESK_UNSPECIFIED;
}
