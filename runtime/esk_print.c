/* esk_print.c - display and write: every type, with datum labels (#0= #0#) for cycles. */
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
 * path closes a cycle and needs a label. */
static void esk_prt_scan(esk_prt_table *t, esk_val root) {
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
        if (e->state == 1) e->label = -2;
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
    FILE *out;
    int write;
    esk_prt_table labels;
} esk_prt;

static void esk_prt_value(esk_prt *p, esk_val v);

/* Prints "#n#" and returns 1 when v was printed already; prints "#n=" first
 * when v needs a label. */
static int esk_prt_label(esk_prt *p, esk_val v) {
    esk_prt_entry *e = esk_prt_find(&p->labels, v, 0);
    if (!e || e->label == -1) return 0;
    if (e->label >= 0) {
        fprintf(p->out, "#%d#", (int)e->label);
        return 1;
    }
    e->label = p->labels.next_label++;
    fprintf(p->out, "#%d=", (int)e->label);
    return 0;
}

static int esk_prt_labelled(esk_prt *p, esk_val v) {
    esk_prt_entry *e = esk_prt_find(&p->labels, v, 0);
    return e && e->label != -1;
}

static void esk_prt_list(esk_prt *p, esk_val v) {
    fputc('(', p->out);
    for (;;) {
        esk_prt_value(p, ESK_CAR(v));
        v = ESK_CDR(v);
        if (v == ESK_NIL) break;
        if (!ESK_IS_PAIR(v) || esk_prt_labelled(p, v)) {
            fputs(" . ", p->out);
            esk_prt_value(p, v);
            break;
        }
        fputc(' ', p->out);
    }
    fputc(')', p->out);
}

static void esk_prt_vector(esk_prt *p, esk_val v) {
    uint32_t i;
    fputs("#(", p->out);
    for (i = 0; i < ESK_VECTOR(v)->h.size; ++i) {
        if (i) fputc(' ', p->out);
        esk_prt_value(p, ESK_VECTOR(v)->items[i]);
    }
    fputc(')', p->out);
}

static void esk_prt_bytevector(esk_prt *p, esk_val v) {
    uint32_t i;
    fputs("#u8(", p->out);
    for (i = 0; i < ESK_BYTEVECTOR(v)->h.size; ++i) fprintf(p->out, i ? " %u" : "%u", ESK_BYTEVECTOR(v)->bytes[i]);
    fputc(')', p->out);
}

static void esk_prt_number(esk_prt *p, esk_val v) {
    char small[64];
    int n = esk_number_to_cstring(v, 10, small, sizeof small);
    if (n < (int)sizeof small) {
        fputs(small, p->out);
    } else {
        char *big = malloc((size_t)n + 1);
        if (!big) esk_error(0, "write: out of memory", ESK_UNSPECIFIED);
        esk_number_to_cstring(v, 10, big, (size_t)n + 1);
        fputs(big, p->out);
        free(big);
    }
}

static void esk_prt_named(esk_prt *p, const char *kind, esk_val name) {
    fprintf(p->out, "#<%s", kind);
    if (ESK_HAS_TYPE(name, ESK_T_SYMBOL)) fprintf(p->out, " %s", ESK_SYMBOL(name)->name);
    fputc('>', p->out);
}

static void esk_prt_heap(esk_prt *p, esk_val v) {
    esk_header *h = ESK_HEAP(v);
    switch ((esk_type)h->type) {
    case ESK_T_FLONUM: case ESK_T_BIGNUM: case ESK_T_RATNUM: esk_prt_number(p, v); break;
    case ESK_T_STRING: esk_string_print(p->out, v, p->write); break;
    case ESK_T_SYMBOL: esk_symbol_print(p->out, v, p->write); break;
    case ESK_T_VECTOR: esk_prt_vector(p, v); break;
    case ESK_T_BYTEVECTOR: esk_prt_bytevector(p, v); break;
    case ESK_T_CLOSURE: {
        const char *name = ESK_CLOSURE(v)->name;
        fprintf(p->out, name ? "#<procedure %s>" : "#<procedure>", name);
        break;
    }
    case ESK_T_RECORD: esk_prt_named(p, "record", ((esk_record_type *)ESK_HEAP(ESK_RECORD(v)->type))->name); break;
    case ESK_T_RECORD_TYPE: esk_prt_named(p, "record-type", ((esk_record_type *)h)->name); break;
    case ESK_T_PROMISE: fputs("#<promise>", p->out); break;
    case ESK_T_CONDITION:
        fputs("#<error ", p->out);
        esk_string_print(p->out, ((esk_condition *)h)->message, 1);
        fputc('>', p->out);
        break;
    case ESK_T_VALUES: {
        uint32_t i;
        for (i = 0; i < h->size; ++i) {
            if (i) fputc(' ', p->out);
            esk_prt_value(p, ((esk_values *)h)->items[i]);
        }
        break;
    }
    case ESK_T_BOX: fputs("#<box>", p->out); break;
    case ESK_T_CONTINUATION: fputs("#<continuation>", p->out); break;
    case ESK_T_ARENA:
        fputs(((esk_arena_handle *)h)->arena->kind == ESK_ARENA_DESTROYED ? "#<arena destroyed>" : "#<arena>", p->out);
        break;
    case ESK_T_HASH_TABLE: fputs("#<hash-table>", p->out); break;
    case ESK_T_SHARED: fputs("#<shared>", p->out); break;
    case ESK_T_WEAK: fputs("#<weak-ref>", p->out); break;
    case ESK_T_EOF_OBJECT: case ESK_T_COUNT: fputs("#<unknown>", p->out); break;
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
    fputs(text, p->out);
}

static void esk_prt_value(esk_prt *p, esk_val v) {
    if (ESK_IS_FIXNUM(v)) {
        fprintf(p->out, "%lld", (long long)ESK_FIXVAL(v));
    } else if (ESK_IS_CHAR(v)) {
        if (p->write) esk_char_write(p->out, ESK_CHARVAL(v));
        else esk_put_utf8(p->out, ESK_CHARVAL(v));
    } else if (ESK_IS_PAIR(v) || ESK_HAS_TYPE(v, ESK_T_VECTOR)) {
        ESK_STACK_CHECK();
        if (esk_prt_label(p, v)) return;
        if (ESK_IS_PAIR(v)) esk_prt_list(p, v);
        else esk_prt_vector(p, v);
    } else if (ESK_IS_HEAP(v)) {
        esk_prt_heap(p, v);
    } else {
        esk_prt_immediate(p, v);
    }
}

static void esk_prt_top(FILE *out, esk_val v, int write) {
    esk_prt p = {out, write, {NULL, 0, 0, 0}};
    if (esk_prt_compound(v)) esk_prt_scan(&p.labels, v);
    esk_prt_value(&p, v);
    free(p.labels.slots);
}

void esk_display_to(FILE *out, esk_val v) { esk_prt_top(out, v, 0); }
void esk_write_to(FILE *out, esk_val v) { esk_prt_top(out, v, 1); }

/* ---- the built-ins (ports come later: the optional port must be absent) - */
static FILE *esk_prt_port(int loc, const char *who, esk_val port) {
    if (port != ESK_DEFAULT) esk_type_error(loc, who, "no port argument (ports are not supported yet)", port);
    return stdout;
}

esk_val esk_display(int loc, esk_val v, esk_val port) {
    esk_display_to(esk_prt_port(loc, "display", port), v);
    return ESK_UNSPECIFIED;
}

esk_val esk_write(int loc, esk_val v, esk_val port) {
    esk_write_to(esk_prt_port(loc, "write", port), v);
    return ESK_UNSPECIFIED;
}

esk_val esk_newline(int loc, esk_val port) {
    fputc('\n', esk_prt_port(loc, "newline", port));
    return ESK_UNSPECIFIED;
}

esk_val esk_write_char(int loc, esk_val c, esk_val port) {
    if (!ESK_IS_CHAR(c)) esk_type_error(loc, "write-char", "a character", c);
    esk_put_utf8(esk_prt_port(loc, "write-char", port), ESK_CHARVAL(c));
    return ESK_UNSPECIFIED;
}

esk_val esk_write_string(int loc, esk_val s, esk_val port) {
    if (!ESK_HAS_TYPE(s, ESK_T_STRING)) esk_type_error(loc, "write-string", "a string", s);
    esk_string_print(esk_prt_port(loc, "write-string", port), s, 0);
    return ESK_UNSPECIFIED;
}

esk_val esk_flush_output_port(int loc, esk_val port) {
    fflush(esk_prt_port(loc, "flush-output-port", port));
    return ESK_UNSPECIFIED;
}
