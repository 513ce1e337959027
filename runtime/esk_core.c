/* esk_core.c - start-up and exit, the allocator, errors, closures, printing, fixnum slow paths. */
#include "eshkol.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the allocator: one front door ---------------------------------------
 * Until regions arrive, everything lives in the root arena: a chain of
 * blocks growing by doubling, all freed at exit. */
typedef struct esk_block {
    struct esk_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} esk_block;

static esk_block *esk_root_blocks;
static size_t esk_next_block_size = 64 * 1024;

static void *esk_block_take(esk_block *b, size_t bytes) {
    void *p = b->data + b->used;
    b->used += bytes;
    return p;
}

void *esk_alloc(size_t bytes) {
    bytes = (bytes + 15u) & ~(size_t)15u;
    esk_block *b = esk_root_blocks;
    if (b && b->size - b->used >= bytes) return esk_block_take(b, bytes);
    while (esk_next_block_size < bytes) esk_next_block_size *= 2;
    b = malloc(sizeof(esk_block) + esk_next_block_size);
    if (!b) {
        fputs("Error: out of memory\n", stderr);
        exit(1);
    }
    b->next = esk_root_blocks;
    b->size = esk_next_block_size;
    b->used = 0;
    esk_root_blocks = b;
    esk_next_block_size *= 2;
    return esk_block_take(b, bytes);
}

static void esk_free_all(void) {
    while (esk_root_blocks) {
        esk_block *next = esk_root_blocks->next;
        free(esk_root_blocks);
        esk_root_blocks = next;
    }
}

/* ---- start-up and exit ------------------------------------------------- */
void esk_init(int argc, char **argv) {
    (void)argc;
    (void)argv;
}

_Noreturn void esk_exit(int status) {
    fflush(stdout);
    esk_free_all();
    exit(status);
}

/* ---- errors: "Error: message irritant" then "  at FILE:LINE:COL" --------- */
static void esk_print_to(FILE *out, esk_val v, int write);

static _Noreturn void esk_fail(int loc) {
    if (loc > 0) fprintf(stderr, "  at %s:%d:%d\n", esk_locs[loc].file, esk_locs[loc].line, esk_locs[loc].col);
    esk_exit(1);
}

_Noreturn void esk_error(int loc, const char *message, esk_val irritant) {
    fflush(stdout);
    fprintf(stderr, "Error: %s", message);
    if (irritant != ESK_UNSPECIFIED) {
        fputc(' ', stderr);
        esk_print_to(stderr, irritant, 1);
    }
    fputc('\n', stderr);
    esk_fail(loc);
}

_Noreturn void esk_type_error(int loc, const char *who, const char *expected, esk_val got) {
    fflush(stdout);
    fprintf(stderr, "Error: %s: expected %s, got ", who, expected);
    esk_print_to(stderr, got, 1);
    fputc('\n', stderr);
    esk_fail(loc);
}

_Noreturn void esk_arity_error(int loc, esk_val proc, int given) {
    esk_closure *c = ESK_CLOSURE(proc);
    fflush(stdout);
    fprintf(stderr, "Error: %s: expected %s%d argument%s, got %d\n", c->name ? c->name : "anonymous procedure",
            c->variadic ? "at least " : "", (int)c->arity, c->arity == 1 ? "" : "s", given);
    esk_fail(loc);
}

_Noreturn void esk_overflow_error(int loc, const char *who) {
    fflush(stdout);
    fprintf(stderr, "Error: %s: integer result does not fit in a fixnum (bignums are not implemented yet)\n", who);
    esk_fail(loc);
}

_Noreturn esk_val esk_undefined_global(int loc, const char *name) {
    fflush(stdout);
    fprintf(stderr, "Error: variable %s used before its definition\n", name);
    esk_fail(loc);
}

/* ---- closures and boxes ---------------------------------------------- */
esk_val esk_make_closure(esk_code code, int arity, int variadic, const char *name, int nslots) {
    esk_closure *c = esk_alloc(sizeof(esk_closure) + (size_t)nslots * sizeof(esk_val));
    c->h.type = ESK_T_CLOSURE;
    c->h.size = (uint32_t)nslots;
    c->code = code;
    c->arity = arity;
    c->variadic = variadic;
    c->name = name;
    for (int i = 0; i < nslots; ++i) c->slots[i] = ESK_UNSPECIFIED;
    return ESK_FROM_HEAP(c);
}

esk_val esk_make_box(esk_val value) {
    esk_box *b = esk_alloc(sizeof(esk_box));
    b->h.type = ESK_T_BOX;
    b->h.size = 1;
    b->value = value;
    return ESK_FROM_HEAP(b);
}

/* ---- printing: display and write --------------------------------------- */
static const char *esk_char_name(uint32_t c) {
    switch (c) {
    case 0x07: return "alarm";
    case 0x08: return "backspace";
    case 0x7F: return "delete";
    case 0x1B: return "escape";
    case 0x0A: return "newline";
    case 0x00: return "null";
    case 0x0D: return "return";
    case 0x20: return "space";
    case 0x09: return "tab";
    default: return NULL;
    }
}

static void esk_put_utf8(FILE *out, uint32_t c) {
    char buf[4];
    int n;
    if (c < 0x80) { buf[0] = (char)c; n = 1; }
    else if (c < 0x800) { buf[0] = (char)(0xC0 | (c >> 6)); buf[1] = (char)(0x80 | (c & 0x3F)); n = 2; }
    else if (c < 0x10000) {
        buf[0] = (char)(0xE0 | (c >> 12)); buf[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F)); n = 3;
    } else {
        buf[0] = (char)(0xF0 | (c >> 18)); buf[1] = (char)(0x80 | ((c >> 12) & 0x3F));
        buf[2] = (char)(0x80 | ((c >> 6) & 0x3F)); buf[3] = (char)(0x80 | (c & 0x3F)); n = 4;
    }
    fwrite(buf, 1, (size_t)n, out);
}

static void esk_write_char(FILE *out, uint32_t c) {
    const char *name = esk_char_name(c);
    fputs("#\\", out);
    if (name) fputs(name, out);
    else if (c < 0x20) fprintf(out, "x%x", (unsigned)c);
    else esk_put_utf8(out, c);
}

static void esk_write_string(FILE *out, const esk_string *s) {
    fputc('"', out);
    for (uint32_t i = 0; i < s->h.size; ++i) {
        unsigned char c = (unsigned char)s->bytes[i];
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\t': fputs("\\t", out); break;
        case '\r': fputs("\\r", out); break;
        case 0x07: fputs("\\a", out); break;
        case 0x08: fputs("\\b", out); break;
        default:
            if (c < 0x20 || c == 0x7F) fprintf(out, "\\x%x;", (unsigned)c);
            else fputc(c, out);
        }
    }
    fputc('"', out);
}

static void esk_print_immediate(FILE *out, esk_val v) {
    switch (v) {
    case ESK_FALSE: fputs("#f", out); break;
    case ESK_TRUE: fputs("#t", out); break;
    case ESK_NIL: fputs("()", out); break;
    case ESK_EOF: fputs("#<eof>", out); break;
    case ESK_DEFAULT: fputs("#<default>", out); break;
    case ESK_UNDEFINED: fputs("#<undefined>", out); break;
    default: break; /* unspecified prints as nothing, as in most Schemes' display */
    }
}

static void esk_print_to(FILE *out, esk_val v, int write) {
    if (ESK_IS_FIXNUM(v)) {
        fprintf(out, "%lld", (long long)ESK_FIXVAL(v));
    } else if (ESK_IS_CHAR(v)) {
        if (write) esk_write_char(out, ESK_CHARVAL(v));
        else esk_put_utf8(out, ESK_CHARVAL(v));
    } else if (ESK_IS_HEAP(v)) {
        esk_header *h = ESK_HEAP(v);
        switch ((esk_type)h->type) {
        case ESK_T_STRING:
            if (write) esk_write_string(out, (const esk_string *)h);
            else fwrite(((const esk_string *)h)->bytes, 1, h->size, out);
            break;
        case ESK_T_CLOSURE: {
            const char *name = ((esk_closure *)h)->name;
            fprintf(out, name ? "#<procedure %s>" : "#<procedure>", name);
            break;
        }
        case ESK_T_BOX: fputs("#<box>", out); break;
        }
    } else {
        esk_print_immediate(out, v);
    }
}

void esk_display(esk_val v) { esk_print_to(stdout, v, 0); }
void esk_write(esk_val v) { esk_print_to(stdout, v, 1); }
void esk_newline(void) { fputc('\n', stdout); }

/* ---- fixnum arithmetic slow paths -------------------------------------- */
#if !(defined(__GNUC__) || defined(__clang__))
int esk_add_overflows(intptr_t a, intptr_t b, intptr_t *r) {
    if ((b > 0 && a > INTPTR_MAX - b) || (b < 0 && a < INTPTR_MIN - b)) return 1;
    *r = a + b;
    return 0;
}
int esk_sub_overflows(intptr_t a, intptr_t b, intptr_t *r) {
    if ((b < 0 && a > INTPTR_MAX + b) || (b > 0 && a < INTPTR_MIN + b)) return 1;
    *r = a - b;
    return 0;
}
int esk_mul_overflows(intptr_t a, intptr_t b, intptr_t *r) {
    int over = a > 0 ? (b > 0 ? a > INTPTR_MAX / b : b < INTPTR_MIN / a)
                     : (b > 0 ? a < INTPTR_MIN / b : (a != 0 && b < INTPTR_MAX / a));
    if (!over) *r = a * b;
    return over;
}
#endif

static void esk_check_fixnums(int loc, const char *who, esk_val a, esk_val b) {
    if (!ESK_IS_FIXNUM(a)) esk_type_error(loc, who, "a number", a);
    if (!ESK_IS_FIXNUM(b)) esk_type_error(loc, who, "a number", b);
}

esk_val esk_add_slow(int loc, esk_val a, esk_val b) {
    esk_check_fixnums(loc, "+", a, b);
    esk_overflow_error(loc, "+");
}

esk_val esk_sub_slow(int loc, esk_val a, esk_val b) {
    esk_check_fixnums(loc, "-", a, b);
    esk_overflow_error(loc, "-");
}

esk_val esk_mul_slow(int loc, esk_val a, esk_val b) {
    esk_check_fixnums(loc, "*", a, b);
    esk_overflow_error(loc, "*");
}

int esk_compare_slow(int loc, const char *who, esk_val a, esk_val b) {
    esk_check_fixnums(loc, who, a, b);
    return 0;
}

static intptr_t esk_divisor(int loc, const char *who, esk_val a, esk_val b) {
    esk_check_fixnums(loc, who, a, b);
    if (b == ESK_FIX(0)) esk_error(loc, "division by zero", ESK_UNSPECIFIED);
    return ESK_FIXVAL(b);
}

esk_val esk_quotient(int loc, esk_val a, esk_val b) {
    intptr_t d = esk_divisor(loc, "quotient", a, b), n = ESK_FIXVAL(a);
    if (d == -1 && n == ESK_FIXNUM_MIN) esk_overflow_error(loc, "quotient");
    return ESK_FIX(n / d);
}

esk_val esk_remainder(int loc, esk_val a, esk_val b) {
    intptr_t d = esk_divisor(loc, "remainder", a, b);
    return d == -1 ? ESK_FIX(0) : ESK_FIX(ESK_FIXVAL(a) % d);
}

esk_val esk_modulo(int loc, esk_val a, esk_val b) {
    intptr_t d = esk_divisor(loc, "modulo", a, b);
    if (d == -1) return ESK_FIX(0);
    intptr_t m = ESK_FIXVAL(a) % d;
    if (m != 0 && ((m < 0) != (d < 0))) m += d;
    return ESK_FIX(m);
}
